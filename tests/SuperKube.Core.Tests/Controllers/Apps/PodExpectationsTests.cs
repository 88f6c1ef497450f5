using SuperKube.Controllers.Tests;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class PodExpectationsTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Satisfied_CacheBehindCreatedPods_IsFalseUntilItCatchesUp()
    {
        var expectations = new PodExpectations(_time);
        expectations.Created("ns/rs", 10);
        expectations.Created("ns/rs", 12);

        var behind = expectations.Satisfied("ns/rs", 11, _ => false);
        var caughtUp = expectations.Satisfied("ns/rs", 12, _ => false);

        Assert.Equal((false, true), (behind, caughtUp));
    }

    [Fact]
    public void Satisfied_DeletedPodStillCached_IsFalseUntilItIsGone()
    {
        var expectations = new PodExpectations(_time);
        expectations.Deleting("ns/rs", "p1");

        var present = expectations.Satisfied("ns/rs", 0, _ => true);
        var gone = expectations.Satisfied("ns/rs", 0, _ => false);

        Assert.Equal((false, true), (present, gone));
    }

    [Fact]
    public void Satisfied_OpenForMoreThanFiveMinutes_Expires()
    {
        var expectations = new PodExpectations(_time);
        expectations.Created("ns/rs", 100);

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.True(expectations.Satisfied("ns/rs", 1, _ => true));
    }

    [Fact]
    public void Satisfied_NothingExpected_IsTrue()
    {
        Assert.True(new PodExpectations(_time).Satisfied("ns/other", 0, _ => true));
    }
}
