namespace SuperKube.Runtime.Fake;

/// <summary>Unwinds a fake process when its script runs <c>exit</c> (or <c>oom</c>, which ends it as OOMKilled).</summary>
internal sealed class FakeShellExit : Exception
{
    public FakeShellExit()
    {
    }

    public FakeShellExit(string message) : base(message)
    {
    }

    public FakeShellExit(string message, Exception innerException) : base(message, innerException)
    {
    }

    public FakeShellExit(int code, bool outOfMemory = false) : base($"exit {code}")
    {
        Code = code;
        OutOfMemory = outOfMemory;
    }

    public int Code { get; }

    public bool OutOfMemory { get; }
}
