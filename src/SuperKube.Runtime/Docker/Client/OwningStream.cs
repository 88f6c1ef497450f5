using SuperKube.Runtime.Docker;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>A read-only stream that disposes the response it came from along with itself.</summary>
internal sealed class OwningStream(Stream inner, IDisposable owner) : ReadOnlyForwardingStream(inner)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
            owner.Dispose();
        }

        base.Dispose(disposing);
    }
}
