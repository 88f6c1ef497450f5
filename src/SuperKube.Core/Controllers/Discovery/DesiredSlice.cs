using SuperKube.Model.Discovery;

namespace SuperKube.Controllers.Discovery;

/// <summary>The content one EndpointSlice should have: a port set and at most <see cref="EndpointSliceSync.MaxEndpointsPerSlice"/> endpoints.</summary>
internal sealed record DesiredSlice(IList<EndpointPort> Ports, IList<Endpoint> Endpoints);
