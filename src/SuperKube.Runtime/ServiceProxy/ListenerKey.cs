using System.Net;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>Where one proxy listener listens.</summary>
internal readonly record struct ListenerKey(ProxyProtocol Protocol, IPAddress Address, int Port);
