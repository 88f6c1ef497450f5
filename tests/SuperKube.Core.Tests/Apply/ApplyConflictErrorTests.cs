using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class ApplyConflictErrorTests
{
    [Fact]
    public void Create_SeveralManagers_GroupsSortedManagersWithTheirFields()
    {
        var csa = new ManagerEntry("kubectl-client-side-apply", ManagerEntry.Update, "apps/v1", "2025-01-01T00:00:00Z", "", new FieldSet());
        var status = new ManagerEntry("controller", ManagerEntry.Update, "apps/v1", null, "status", new FieldSet());
        var applier = new ManagerEntry("alice", ManagerEntry.Apply, "apps/v1", null, "", new FieldSet());
        FieldConflict[] conflicts =
        [
            new(csa, Path("f:spec", "f:replicas")),
            new(applier, Path("f:metadata", "f:labels", "f:app")),
            new(csa, Path("f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"nginx\"}", "f:image")),
            new(status, Path("f:status", "f:replicas")),
        ];

        var error = ApplyConflictError.Create(conflicts);

        Assert.Equal(
            "Apply failed with 4 conflicts: conflicts with \"alice\":\n" +
            "- .metadata.labels.app\n" +
            "conflicts with \"controller\" with subresource \"status\" using apps/v1:\n" +
            "- .status.replicas\n" +
            "conflicts with \"kubectl-client-side-apply\" using apps/v1:\n" +
            "- .spec.replicas\n" +
            "- .spec.template.spec.containers[name=\"nginx\"].image",
            error.Message);
        var causes = error.Details!["causes"]!.AsArray();
        Assert.Equal(4, causes.Count);
        Assert.Equal("conflict with \"kubectl-client-side-apply\" using apps/v1", (string?)causes[2]!["message"]);
        Assert.Equal(".spec.template.spec.containers[name=\"nginx\"].image", (string?)causes[3]!["field"]);
    }
}
