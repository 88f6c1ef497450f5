using System.Net.Sockets;
using SuperKube.Host;

namespace SuperKube.IntegrationTests.Deploy;

public sealed class StartupFailureTests
{
    [Fact]
    public void Describe_PortInUse_SaysWhatToDo()
    {
        var ex = new IOException("Failed to bind to address https://127.0.0.1:6443: address already in use.", new SocketException((int)SocketError.AddressAlreadyInUse));

        Assert.Equal(
            "superkube: failed to start: Failed to bind to address https://127.0.0.1:6443: address already in use. Another process listens on that port (is another superkube running?): stop it or choose another --port.",
            StartupFailure.Describe(ex));
    }

    [Fact]
    public void Describe_DatabaseUnreachable_NamesTheUrlSourceAndInnerCause()
    {
        var ex = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused));

        var text = StartupFailure.Describe(ex);

        Assert.True(StartupFailure.IsExpected(ex));
        Assert.StartsWith("superkube: failed to start: cannot open the database given by --db-url or DATABASE_URL: Failed to connect to 127.0.0.1:1 (Connection refused).", text);
    }
}
