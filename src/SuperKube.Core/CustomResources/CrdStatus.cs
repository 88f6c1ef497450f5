using System.Text.Json.Nodes;
using SuperKube.Objects;

namespace SuperKube.CustomResources;

/// <summary>
/// The status the server keeps on a CRD: acceptedNames, storedVersions and the NamesAccepted, Established and
/// Terminating conditions with the real server's reasons. A condition's lastTransitionTime moves only when its status
/// changes.
/// </summary>
internal static class CrdStatus
{
    /// <summary>True when the CRD has the condition with status True.</summary>
    public static bool Has(JsonObject crd, string type) =>
        (crd["status"]?["conditions"] as JsonArray ?? []).Any(c => JsonFields.Text(c, "type") == type && JsonFields.Text(c, "status") == "True");

    /// <summary>
    /// A copy of <paramref name="crd"/> with the status for the names check result; <paramref name="established"/> tells
    /// whether its resources are served.
    /// </summary>
    public static JsonObject WithNames(JsonObject crd, CrdNameCheck.Result names, bool established, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crd);
        ArgumentNullException.ThrowIfNull(names);
        var result = crd.DeepClone().AsObject();
        var status = Status(result);
        status["acceptedNames"] = names.Accepted.ToJson();
        var accepted = names.Reason is null;
        SetCondition(status, "NamesAccepted", accepted, accepted ? "NoConflicts" : names.Reason!, accepted ? "no conflicts found" : names.Message!, now);
        if (established)
        {
            SetCondition(status, "Established", true, "InitialNamesAccepted", "the initial names have been accepted", now);
        }
        else
        {
            SetCondition(status, "Established", false, accepted ? "Installing" : "NotAccepted",
                accepted ? "the initial names have been accepted" : "not all names are accepted", now);
        }

        if (CrdInfo.From(crd).StorageVersion is { } storage)
        {
            var stored = status["storedVersions"] as JsonArray ?? [];
            if (!stored.Any(v => v?.GetValue<string>() == storage))
            {
                stored.Add(storage);
            }

            status["storedVersions"] = stored.DeepClone();
        }

        return result;
    }

    /// <summary>A copy of <paramref name="crd"/> marked Terminating while its custom resources are deleted.</summary>
    public static JsonObject Terminating(JsonObject crd, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var result = crd.DeepClone().AsObject();
        SetCondition(Status(result), "Terminating", true, "InstanceDeletionInProgress", "CustomResource deletion is in progress", now);
        return result;
    }

    private static JsonObject Status(JsonObject crd)
    {
        if (crd["status"] is not JsonObject status)
        {
            status = [];
            crd["status"] = status;
        }

        return status;
    }

    private static void SetCondition(JsonObject status, string type, bool value, string reason, string message, DateTimeOffset now)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            conditions = [];
            status["conditions"] = conditions;
        }

        var text = value ? "True" : "False";
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => JsonFields.Text(c, "type") == type);
        JsonNode since = existing is not null && JsonFields.Text(existing, "status") == text && existing["lastTransitionTime"] is { } time
            ? time.DeepClone()
            : ObjectMetadata.Timestamp(now);
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = text,
            ["lastTransitionTime"] = since,
            ["reason"] = reason,
            ["message"] = message,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }
}
