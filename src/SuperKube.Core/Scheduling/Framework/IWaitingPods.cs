namespace SuperKube.Scheduling.Framework;

/// <summary>The pods held by a Permit plugin; plugins take it as a constructor dependency.</summary>
public interface IWaitingPods
{
    /// <summary>The uids of the waiting pods.</summary>
    IReadOnlyCollection<string> Uids { get; }

    /// <summary>The plugin allows the pod; it binds once every waiting plugin has allowed it. False when not waiting.</summary>
    bool Allow(string podUid, string plugin);

    /// <summary>Rejects the pod; it goes back to the queue. False when not waiting.</summary>
    bool Reject(string podUid, string plugin, string message);
}
