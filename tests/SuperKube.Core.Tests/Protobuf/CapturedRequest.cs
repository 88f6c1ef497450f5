namespace SuperKube.Protobuf.Tests;

/// <summary>One POST that <see cref="KubectlCaptureServer"/> received.</summary>
internal sealed record CapturedRequest(string Path, string ContentType, byte[] Body);
