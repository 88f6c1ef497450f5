namespace SuperKube.Patching.Tests;

public sealed class JsonPatchTests
{
    [Theory]
    // add
    [InlineData("{'a':1}", "[{'op':'add','path':'/b','value':2}]", "{'a':1,'b':2}")]
    [InlineData("{'a':1}", "[{'op':'add','path':'/a','value':[1]}]", "{'a':[1]}")]
    [InlineData("{'a':{}}", "[{'op':'add','path':'/a/b','value':null}]", "{'a':{'b':null}}")]
    [InlineData("{'l':[1,2]}", "[{'op':'add','path':'/l/1','value':9}]", "{'l':[1,9,2]}")]
    [InlineData("{'l':[1,2]}", "[{'op':'add','path':'/l/2','value':9}]", "{'l':[1,2,9]}")]
    [InlineData("{'l':[1,2]}", "[{'op':'add','path':'/l/-','value':9}]", "{'l':[1,2,9]}")]
    [InlineData("{'a':1}", "[{'op':'add','path':'','value':{'b':2}}]", "{'b':2}")]
    // remove
    [InlineData("{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]", "{'b':2}")]
    [InlineData("{'l':[1,2,3]}", "[{'op':'remove','path':'/l/0'}]", "{'l':[2,3]}")]
    // replace
    [InlineData("{'a':1}", "[{'op':'replace','path':'/a','value':'x'}]", "{'a':'x'}")]
    [InlineData("{'l':[1,2]}", "[{'op':'replace','path':'/l/1','value':5}]", "{'l':[1,5]}")]
    [InlineData("{'a':null}", "[{'op':'replace','path':'/a','value':1}]", "{'a':1}")]
    // move
    [InlineData("{'a':{'x':1},'b':{}}", "[{'op':'move','from':'/a/x','path':'/b/y'}]", "{'a':{},'b':{'y':1}}")]
    [InlineData("{'l':[1,2,3]}", "[{'op':'move','from':'/l/0','path':'/l/-'}]", "{'l':[2,3,1]}")]
    [InlineData("{'a':1}", "[{'op':'move','from':'/a','path':'/a'}]", "{'a':1}")]
    // copy
    [InlineData("{'a':{'x':[1]}}", "[{'op':'copy','from':'/a','path':'/b'}]", "{'a':{'x':[1]},'b':{'x':[1]}}")]
    // test
    [InlineData("{'a':1}", "[{'op':'test','path':'/a','value':1.0}]", "{'a':1}")]
    [InlineData("{'a':{'x':[1,'s',true,null]}}", "[{'op':'test','path':'/a','value':{'x':[1e0,'s',true,null]}}]", "{'a':{'x':[1,'s',true,null]}}")]
    [InlineData("{'a':null}", "[{'op':'test','path':'/a','value':null}]", "{'a':null}")]
    // escaping
    [InlineData("{'a/b':1,'c~d':2}", "[{'op':'replace','path':'/a~1b','value':3},{'op':'remove','path':'/c~0d'}]", "{'a/b':3}")]
    [InlineData("{'~1':1}", "[{'op':'remove','path':'/~01'}]", "{}")]
    [InlineData("{'':1}", "[{'op':'replace','path':'/','value':2}]", "{'':2}")]
    // several operations in order
    [InlineData("{}", "[{'op':'add','path':'/l','value':[]},{'op':'add','path':'/l/0','value':'a'},{'op':'add','path':'/l/0','value':'b'}]", "{'l':['b','a']}")]
    public void Apply_ValidOperations_ProducesExpectedDocument(string original, string patch, string expected)
    {
        var result = JsonPatch.Apply(Json.Object(original), Json.Bytes(patch));

        Json.Equal(expected, result);
    }

    [Theory]
    [InlineData("[{'op':'remove','path':'/missing'}]")]
    [InlineData("[{'op':'replace','path':'/missing','value':1}]")]
    [InlineData("[{'op':'add','path':'/missing/child','value':1}]")]
    [InlineData("[{'op':'add','path':'/l/5','value':1}]")]
    [InlineData("[{'op':'add','path':'/l/01','value':1}]")]
    [InlineData("[{'op':'add','path':'/l/-1','value':1}]")]
    [InlineData("[{'op':'replace','path':'/l/2','value':1}]")]
    [InlineData("[{'op':'remove','path':'/l/-'}]")]
    [InlineData("[{'op':'add','path':'/a/x','value':1}]")]
    [InlineData("[{'op':'add','path':'a','value':1}]")]
    [InlineData("[{'op':'add','path':'/a~2','value':1}]")]
    [InlineData("[{'op':'add','path':'/b'}]")]
    [InlineData("[{'op':'replace','path':'/a'}]")]
    [InlineData("[{'op':'test','path':'/a'}]")]
    [InlineData("[{'op':'frobnicate','path':'/a'}]")]
    [InlineData("[{'path':'/a'}]")]
    [InlineData("[{'op':'add','value':1}]")]
    [InlineData("[{'op':'move','path':'/o/x/y','from':'/o/x'}]")]
    [InlineData("[{'op':'copy','path':'/b','from':'/missing'}]")]
    [InlineData("[{'op':'test','path':'/a','value':2}]")]
    [InlineData("[{'op':'test','path':'/a','value':'1'}]")]
    [InlineData("[{'op':'test','path':'/missing','value':null}]")]
    [InlineData("[{'op':'remove','path':''}]")]
    [InlineData("[{'op':'replace','path':'','value':[1]}]")]
    public void Apply_OperationThatCannotApply_ThrowsInvalid(string patch)
    {
        var original = Json.Object("{'a':1,'l':[1,2],'o':{'x':{}}}");

        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(original, Json.Bytes(patch)));

        Assert.Equal(PatchErrorReason.Invalid, error.Reason);
        Assert.Equal(422, error.StatusCode);
    }

    [Theory]
    [InlineData("{'op':'add','path':'/a','value':1}")]
    [InlineData("[1]")]
    [InlineData("[{'op':1,'path':'/a'}]")]
    [InlineData("[{'op':'add','path':5,'value':1}]")]
    [InlineData("[{'op':'add','path':'/a','value':1}")]
    [InlineData("")]
    public void Apply_MalformedPatch_ThrowsBadRequest(string patch)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(Json.Object("{'a':1}"), Json.Bytes(patch)));

        Assert.Equal(PatchErrorReason.BadRequest, error.Reason);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Apply_LaterOperationFails_LeavesOriginalUntouched()
    {
        var original = Json.Object("{'a':{'b':1},'l':[1]}");
        var patch = Json.Bytes("[{'op':'remove','path':'/a/b'},{'op':'add','path':'/l/0','value':0},{'op':'test','path':'/a','value':1}]");

        Assert.Throws<PatchException>(() => JsonPatch.Apply(original, patch));

        Json.Equal("{'a':{'b':1},'l':[1]}", original);
    }

    [Fact]
    public void Apply_Success_DoesNotShareNodesWithOriginalOrPatch()
    {
        var original = Json.Object("{'a':{'b':1}}");
        var patch = Json.Parse("[{'op':'add','path':'/c','value':{'d':2}},{'op':'copy','from':'/a','path':'/e'}]");

        var result = JsonPatch.Apply(original, patch);
        result["a"]!["b"] = 5;
        result["c"]!["d"] = 5;

        Json.Equal("{'a':{'b':1}}", original);
        Json.Equal("[{'op':'add','path':'/c','value':{'d':2}},{'op':'copy','from':'/a','path':'/e'}]", patch);
        Json.Equal("{'a':{'b':5},'c':{'d':5},'e':{'b':1}}", result);
    }

    [Fact]
    public void Apply_RolloutUndoBody_ReplacesTemplateAndAnnotations()
    {
        var deployment = Json.Object("""
            {'metadata':{'name':'web','annotations':{'deployment.kubernetes.io/revision':'2','keep':'x'}},
             'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'c','image':'v2'}]}}}}
            """);
        var patch = Json.Bytes("""
            [{'op':'replace','path':'/spec/template','value':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'c','image':'v1'}]}}},
             {'op':'replace','path':'/metadata/annotations','value':{'keep':'x'}}]
            """);

        var result = JsonPatch.Apply(deployment, patch);

        Json.Equal("""
            {'metadata':{'name':'web','annotations':{'keep':'x'}},
             'spec':{'replicas':2,'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'c','image':'v1'}]}}}}
            """, result);
    }
}
