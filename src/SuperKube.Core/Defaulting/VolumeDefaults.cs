using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of pod volumes: an empty source becomes emptyDir, file modes 0644, hostPath type, projections.</summary>
internal static class VolumeDefaults
{
    /// <summary>0644, the default file mode of secret, configMap, downwardAPI and projected volumes.</summary>
    private const int DefaultMode = 420;

    public static void Apply(JsonObject volume)
    {
        if (volume.All(p => p.Key == "name"))
        {
            volume["emptyDir"] = new JsonObject();
        }

        foreach (var source in new[] { "secret", "configMap", "projected" })
        {
            if (Child(volume, source) is { } modeSource)
            {
                SetIfMissing(modeSource, "defaultMode", DefaultMode);
            }
        }

        if (Child(volume, "hostPath") is { } hostPath)
        {
            SetIfMissing(hostPath, "type", "");
        }

        if (Child(volume, "downwardAPI") is { } downwardApi)
        {
            SetIfMissing(downwardApi, "defaultMode", DefaultMode);
            DownwardApiItems(downwardApi);
        }

        foreach (var projection in Items(Child(volume, "projected"), "sources"))
        {
            DownwardApiItems(Child(projection, "downwardAPI"));
            if (Child(projection, "serviceAccountToken") is { } token)
            {
                SetIfMissing(token, "expirationSeconds", 3600);
            }
        }

        if (Child(Child(volume, "ephemeral"), "volumeClaimTemplate") is { } claimTemplate)
        {
            StorageDefaults.ClaimSpec(Child(claimTemplate, "spec"));
        }
    }

    private static void DownwardApiItems(JsonObject? downwardApi)
    {
        foreach (var item in Items(downwardApi, "items"))
        {
            ContainerDefaults.FieldRef(Child(item, "fieldRef"));
        }
    }
}
