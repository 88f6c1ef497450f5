using Npgsql;

namespace SuperKube.Storage.Postgres.Tests;

public sealed class PostgresUrlTests
{
    [Theory]
    [InlineData("postgres://alice:s3cret@db.example:5433/kube", "db.example", 5433, "kube", "alice", "s3cret")]
    [InlineData("postgresql://bob@localhost/superkube", "localhost", 5432, "superkube", "bob", null)]
    [InlineData("postgres://u:p%40ss%2Fw@[::1]:6000/d%20b", "::1", 6000, "d b", "u", "p@ss/w")]
    [InlineData("POSTGRES://10.0.0.5", "10.0.0.5", 5432, null, null, null)]
    [InlineData("postgres:///kube?host=/var/run/postgresql&user=carol", "/var/run/postgresql", 5432, "kube", "carol", null)]
    public void ToConnectionString_Url_MapsHostPortDatabaseAndCredentials(
        string url, string host, int port, string? database, string? user, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));

        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
        Assert.Equal(user, builder.Username);
        Assert.Equal(password, builder.Password);
    }

    [Theory]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("verify-ca", SslMode.VerifyCA)]
    [InlineData("disable", SslMode.Disable)]
    public void ToConnectionString_SslMode_UsesLibpqNames(string value, SslMode expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString($"postgres://h/d?sslmode={value}"));

        Assert.Equal(expected, builder.SslMode);
    }

    [Fact]
    public void ToConnectionString_TlsAndPoolingParameters_PassThrough()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(
            "postgres://h/d?sslrootcert=/etc/ca.pem&application_name=superkube&connect_timeout=7&Maximum%20Pool%20Size=50"));

        Assert.Equal("/etc/ca.pem", builder.RootCertificate);
        Assert.Equal("superkube", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal(50, builder.MaxPoolSize);
    }

    [Theory]
    [InlineData("sqlite:///tmp/x.db")]
    [InlineData("postgres://h:notaport/d")]
    [InlineData("postgres://h:70000/d")]
    [InlineData("postgres://[::1/d")]
    [InlineData("postgres://h/d?nonsense=1")]
    public void ToConnectionString_Malformed_ThrowsFormatException(string url)
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));

        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void ToConnectionString_BadUrlWithPassword_DoesNotEchoThePassword()
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString("postgres://u:topsecret@h:bad/d"));

        Assert.DoesNotContain("topsecret", error.Message);
    }

    [Fact]
    public void Describe_ConnectionString_OmitsThePassword()
    {
        var description = PostgresUrl.Describe(PostgresUrl.ToConnectionString("postgres://alice:s3cret@db:5433/kube"));

        Assert.Equal("alice@db:5433/kube", description);
    }
}
