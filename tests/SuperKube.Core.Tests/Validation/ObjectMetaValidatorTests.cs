using SuperKube.Registry;
using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class ObjectMetaValidatorTests
{
    [Fact]
    public void Validate_ValidMetadata_NoErrors()
    {
        var obj = Obj("""
            {"metadata":{"name":"web","namespace":"default","labels":{"app":"web","example.com/tier":""},
             "annotations":{"Example.com/Note":"x"},"finalizers":["example.com/cleanup"],
             "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u1","controller":true}]}}
            """);

        Assert.Empty(ObjectMetaValidator.Validate(obj, NamePolicy.Subdomain, namespaced: true));
    }

    [Fact]
    public void Validate_NoNameNorGenerateName_RequiresName()
    {
        var error = Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":{}}"""), NamePolicy.Subdomain, true));

        Assert.Equal("metadata.name: Required value: name or generateName is required", error.ToString());
        Assert.Equal("FieldValueRequired", error.Reason);
    }

    [Fact]
    public void Validate_NoMetadata_RequiresName() =>
        Assert.Equal("metadata.name", Assert.Single(ObjectMetaValidator.Validate(Obj("{}"), NamePolicy.Subdomain, true)).Field);

    [Fact]
    public void Validate_MetadataNotAnObject_Invalid() =>
        Assert.Equal("metadata: Invalid value: \"x\": must be an object",
            Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":"x"}"""), NamePolicy.Subdomain, true)).ToString());

    [Fact]
    public void Validate_GenerateNameOnly_Accepted() =>
        Assert.Empty(ObjectMetaValidator.Validate(Obj("""{"metadata":{"generateName":"web-"}}"""), NamePolicy.Subdomain, true));

    [Fact]
    public void Validate_BadGenerateName_InvalidGenerateName() =>
        Assert.Equal("metadata.generateName",
            Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":{"generateName":"Web-"}}"""), NamePolicy.Subdomain, true)).Field);

    [Fact]
    public void Validate_UppercaseName_RealServerMessage()
    {
        var error = Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"Web"}}"""), NamePolicy.Subdomain, true));

        Assert.Equal("FieldValueInvalid", error.Reason);
        Assert.StartsWith("metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of", error.ToString());
    }

    [Theory]
    [InlineData(NamePolicy.Label, "a.b", "must not contain dots")]
    [InlineData(NamePolicy.PathSegment, "a/b", "may not contain '/'")]
    [InlineData(NamePolicy.Subdomain, "a_b", "a lowercase RFC 1123 subdomain")]
    public void Validate_NamePolicy_Applied(NamePolicy policy, string name, string expected) =>
        Assert.Contains(expected,
            Assert.Single(ObjectMetaValidator.Validate(Obj("{\"metadata\":{\"name\":\"" + name + "\"}}"), policy, true)).Detail);

    [Fact]
    public void Validate_NamespaceOnClusterScopedKind_Forbidden()
    {
        var errors = ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"n1","namespace":"default"}}"""), NamePolicy.Subdomain, false);

        Assert.Equal("metadata.namespace: Forbidden: not allowed on this type", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_BadNamespaceFormat_Invalid() =>
        Assert.Equal("metadata.namespace",
            Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"a","namespace":"Bad"}}"""), NamePolicy.Subdomain, true)).Field);

    [Fact]
    public void Validate_BadLabels_ReportsKeyAndValueAtMapField()
    {
        var errors = ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"a","labels":{"bad key":"ok","k":"-v"}}}"""), NamePolicy.Subdomain, true);

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("metadata.labels", e.Field));
        Assert.StartsWith("metadata.labels: Invalid value: \"bad key\": name part must consist of", errors[0].ToString());
        Assert.StartsWith("metadata.labels: Invalid value: \"-v\": a valid label must be an empty string", errors[1].ToString());
    }

    [Fact]
    public void Validate_BadAnnotationKey_Invalid() =>
        Assert.Equal("metadata.annotations",
            Assert.Single(ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"a","annotations":{"a b":"x"}}}"""), NamePolicy.Subdomain, true)).Field);

    [Fact]
    public void Validate_HugeAnnotations_TooLong()
    {
        var obj = Obj("""{"metadata":{"name":"a","annotations":{}}}""");
        obj["metadata"]!["annotations"]!["big"] = new string('x', ObjectMetaValidator.TotalAnnotationSizeLimit);

        var error = Assert.Single(ObjectMetaValidator.Validate(obj, NamePolicy.Subdomain, true));

        Assert.Equal("FieldValueTooLong", error.Reason);
        Assert.Equal("metadata.annotations", error.Field);
    }

    [Fact]
    public void Validate_BadFinalizers_Invalid()
    {
        var errors = ObjectMetaValidator.Validate(
            Obj("""{"metadata":{"name":"a","finalizers":["a/b/c","orphan","foregroundDeletion"]}}"""), NamePolicy.Subdomain, true);

        Assert.Equal(2, errors.Count);
        Assert.Equal("metadata.finalizers: Invalid value: []string{\"a/b/c\", \"orphan\", \"foregroundDeletion\"}: finalizer orphan and foregroundDeletion cannot be both set",
            errors[1].ToString());
    }

    [Fact]
    public void Validate_IncompleteOwnerReference_ReportsEachMissingField()
    {
        var errors = ObjectMetaValidator.Validate(Obj("""{"metadata":{"name":"a","ownerReferences":[{"apiVersion":"apps/"}]}}"""), NamePolicy.Subdomain, true);

        Assert.Equal(
            """
            metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty
            metadata.ownerReferences.kind: Invalid value: "": must not be empty
            metadata.ownerReferences.name: Invalid value: "": must not be empty
            metadata.ownerReferences.uid: Invalid value: "": must not be empty
            """.ReplaceLineEndings("\n"),
            Lines(errors));
    }

    [Fact]
    public void Validate_TwoControllerOwners_Invalid()
    {
        var obj = Obj("""
            {"metadata":{"name":"a","ownerReferences":[
              {"apiVersion":"v1","kind":"A","name":"x","uid":"1","controller":true},
              {"apiVersion":"v1","kind":"B","name":"y","uid":"2","controller":true}]}}
            """);

        var error = Assert.Single(ObjectMetaValidator.Validate(obj, NamePolicy.Subdomain, true));

        Assert.EndsWith("Only one reference can have Controller set to true. Found \"true\" in references for A/x and B/y", error.Message);
    }
}
