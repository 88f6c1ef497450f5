namespace SuperKube.Patching.Tests;

public sealed class JsonMergePatchTests
{
    /// <summary>The examples of RFC 7386 appendix A.</summary>
    [Theory]
    [InlineData("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [InlineData("{'a':'b'}", "{'a':null}", "{}")]
    [InlineData("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [InlineData("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [InlineData("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [InlineData("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [InlineData("['a','b']", "['c','d']", "['c','d']")]
    [InlineData("{'a':'b'}", "['c']", "['c']")]
    [InlineData("{'a':'foo'}", "null", "null")]
    [InlineData("{'a':'foo'}", "'bar'", "'bar'")]
    [InlineData("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [InlineData("[1,2]", "{'a':'b','c':null}", "{'a':'b'}")]
    [InlineData("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    public void Apply_Rfc7386Examples_ProduceSpecifiedResult(string original, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(Json.Parse(original), Json.Bytes(patch));

        Json.Equal(expected, result);
    }

    [Theory]
    [InlineData("{'metadata':{'labels':{'tier':'fe'}}}", "{'metadata':{'name':'x','labels':{'app':'a','tier':'fe'}}}")]
    [InlineData("{'metadata':{'labels':{'app':null}}}", "{'metadata':{'name':'x','labels':{}}}")]
    [InlineData("{'spec':{'replicas':5}}", "{'metadata':{'name':'x','labels':{'app':'a'}},'spec':{'replicas':5}}")]
    public void Apply_KubectlLabelAndScaleBodies_MergeIntoObject(string patch, string expected)
    {
        var original = Json.Object("{'metadata':{'name':'x','labels':{'app':'a'}}}");

        var result = JsonMergePatch.Apply(original, Json.Bytes(patch));

        Json.Equal(expected, result);
    }

    [Fact]
    public void Apply_Success_LeavesOriginalAndPatchUntouched()
    {
        var original = Json.Object("{'a':{'b':1},'l':[1]}");
        var patch = Json.Parse("{'a':{'b':null,'c':{'d':1}},'l':[2]}");

        var result = JsonMergePatch.Apply(original, patch);

        Json.Equal("{'a':{'c':{'d':1}},'l':[2]}", result);
        Json.Equal("{'a':{'b':1},'l':[1]}", original);
        Json.Equal("{'a':{'b':null,'c':{'d':1}},'l':[2]}", patch);
    }

    [Theory]
    [InlineData("{'a':")]
    [InlineData("not json")]
    [InlineData("{'a':1,'a':2}")]
    public void Apply_MalformedJson_ThrowsBadRequest(string patch)
    {
        var error = Assert.Throws<PatchException>(() => JsonMergePatch.Apply(Json.Parse("{}"), Json.Bytes(patch)));

        Assert.Equal(PatchErrorReason.BadRequest, error.Reason);
    }
}
