namespace SuperKube.CustomResources.Tests;

public sealed class GoNumberTests
{
    [Theory]
    [InlineData(10, "10")]
    [InlineData(1.5, "1.5")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(123456, "123456")]
    [InlineData(1000000, "1e+06")]
    [InlineData(1234567, "1.234567e+06")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0, "0")]
    public void Format_Float_LikeGoPercentV(double value, string expected) => Assert.Equal(expected, GoNumber.Format(value));
}
