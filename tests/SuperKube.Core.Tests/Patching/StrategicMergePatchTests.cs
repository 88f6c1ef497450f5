using SuperKube.Schema;

namespace SuperKube.Patching.Tests;

public sealed class StrategicMergePatchTests
{
    /// <summary>A schema in the spirit of upstream's test struct: one field per kind of patch metadata.</summary>
    private static StructuralSchema TestSchema() => new()
    {
        Type = "object",
        Properties = new Dictionary<string, StructuralSchema>
        {
            ["mergingList"] = new() { Type = "array", PatchStrategy = "merge", PatchMergeKey = "name", Items = new() { Type = "object" } },
            ["mergingIntList"] = new() { Type = "array", PatchStrategy = "merge", Items = new() { Type = "integer" } },
            ["nonMergingList"] = new() { Type = "array", Items = new() { Type = "object" } },
            ["retainKeysMap"] = new() { Type = "object", PatchStrategy = "retainKeys" },
            ["replacingMap"] = new() { Type = "object", PatchStrategy = "replace" },
            ["noKeyList"] = new() { Type = "array", PatchStrategy = "merge", Items = new() { Type = "object" } },
        },
    };

    [Theory]
    // maps merge recursively, null deletes
    [InlineData("{'m':{'a':1,'b':{'c':1,'d':2}}}", "{'m':{'a':null,'b':{'d':3},'e':4}}", "{'m':{'b':{'c':1,'d':3},'e':4}}")]
    [InlineData("{'a':1}", "{'missing':null}", "{'a':1}")]
    [InlineData("{'a':1}", "{'a':{'b':null,'c':1}}", "{'a':{'c':1}}")]
    // lists without a merge strategy are replaced
    [InlineData("{'nonMergingList':[{'name':'a','x':1}]}", "{'nonMergingList':[{'name':'a'}]}", "{'nonMergingList':[{'name':'a'}]}")]
    [InlineData("{'other':[1,2]}", "{'other':[3]}", "{'other':[3]}")]
    // lists of maps merge on the merge key
    [InlineData("{'mergingList':[{'name':'a','v':1},{'name':'b','v':1}]}", "{'mergingList':[{'name':'b','v':2},{'name':'c'}]}",
        "{'mergingList':[{'name':'a','v':1},{'name':'b','v':2},{'name':'c'}]}")]
    [InlineData("{'mergingList':[{'name':'a','x':1,'y':{'p':1,'q':2}}]}", "{'mergingList':[{'name':'a','y':{'q':null,'r':3}}]}",
        "{'mergingList':[{'name':'a','x':1,'y':{'p':1,'r':3}}]}")]
    [InlineData("{'mergingList':[{'name':'a'},{'name':'b'}]}", "{'mergingList':[]}", "{'mergingList':[{'name':'a'},{'name':'b'}]}")]
    [InlineData("{'mergingList':[{'name':1},{'name':2}]}", "{'mergingList':[{'name':2.0,'v':true}]}", "{'mergingList':[{'name':1},{'name':2,'v':true}]}")]
    // $patch in list elements
    [InlineData("{'mergingList':[{'name':'a'},{'name':'b'}]}", "{'mergingList':[{'$patch':'delete','name':'a'}]}", "{'mergingList':[{'name':'b'}]}")]
    [InlineData("{'mergingList':[{'name':'a'},{'name':'b'}]}", "{'mergingList':[{'name':'c','v':{'x':null}},{'$patch':'replace'}]}", "{'mergingList':[{'name':'c','v':{}}]}")]
    [InlineData("{'mergingList':[{'name':'a'},{'name':'b'}]}", "{'mergingList':[{'$patch':'replace'}]}", "{'mergingList':[]}")]
    [InlineData("{'mergingList':[{'name':'a','v':1}]}", "{'mergingList':[{'$patch':'merge'},{'name':'a','v':2}]}", "{'mergingList':[{'name':'a','v':2}]}")]
    [InlineData("{'mergingList':[{'name':1},{'name':1},{'name':2,'value':'a'},{'name':3},{'name':3}]}",
        "{'mergingList':[{'name':1,'$patch':'delete'},{'name':3,'$patch':'delete'}]}", "{'mergingList':[{'name':2,'value':'a'}]}")]
    [InlineData("{'mergingList':[{'name':1},{'name':3}]}", "{'$setElementOrder/mergingList':[{'name':3},{'name':2},{'name':1}],'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}",
        "{'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}")]
    [InlineData("{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}", "{'mergingList':[{'name':3,'value':'c'},{'name':1,'value':'a'}]}",
        "{'mergingList':[{'name':2,'value':'b'},{'name':3,'value':'c'},{'name':1,'value':'a'}]}")]
    [InlineData("{'mergingIntList':[1,2,3]}", "{'mergingIntList':[3,1]}", "{'mergingIntList':[2,3,1]}")]
    [InlineData("{'mergingIntList':[1,3]}", "{'$setElementOrder/mergingIntList':[3,2,1]}", "{'mergingIntList':[3,1]}")]
    [InlineData("{'mergingList':[{'name':'a'}],'x':1}", "{'$setElementOrder/mergingList':[],'mergingList':null}", "{'x':1}")]
    // $patch in maps
    [InlineData("{'m':{'a':1,'b':2}}", "{'m':{'$patch':'replace','c':{'d':1,'e':null}}}", "{'m':{'c':{'d':1}}}")]
    [InlineData("{'m':{'a':1,'b':2}}", "{'m':{'$patch':'delete'}}", "{'m':{}}")]
    [InlineData("{'m':{'a':1}}", "{'m':{'$patch':'merge','b':2}}", "{'m':{'a':1,'b':2}}")]
    [InlineData("{'a':1,'b':2}", "{'$patch':'replace','c':3}", "{'c':3}")]
    [InlineData("{'a':1,'b':2}", "{'$patch':'delete'}", "{}")]
    // replace-strategy maps
    [InlineData("{'replacingMap':{'a':1}}", "{'replacingMap':{'b':2}}", "{'replacingMap':{'b':2}}")]
    // primitive merge lists: union without duplicates, and parallel deletion lists
    [InlineData("{'mergingIntList':[1,2]}", "{'mergingIntList':[2,3]}", "{'mergingIntList':[1,2,3]}")]
    [InlineData("{'mergingIntList':[1,2,3]}", "{'$deleteFromPrimitiveList/mergingIntList':[2,4]}", "{'mergingIntList':[1,3]}")]
    [InlineData("{'a':1}", "{'$deleteFromPrimitiveList/mergingIntList':[2]}", "{'a':1}")]
    // $retainKeys
    [InlineData("{'retainKeysMap':{'a':1,'b':2}}", "{'retainKeysMap':{'$retainKeys':['b','c'],'c':3}}", "{'retainKeysMap':{'b':2,'c':3}}")]
    [InlineData("{'retainKeysMap':{'a':1,'b':2}}", "{'retainKeysMap':{'$retainKeys':['b'],'a':null}}", "{'retainKeysMap':{'b':2}}")]
    // values with no counterpart in the original lose their directives and nulls
    [InlineData("{}", "{'mergingList':[{'name':'a','x':null},{'$patch':'delete','name':'z'}]}", "{'mergingList':[{'name':'a'}]}")]
    [InlineData("{}", "{'m':{'$setElementOrder/mergingList':[{'name':'a'}],'x':null,'y':1}}", "{'m':{'y':1}}")]
    [InlineData("{'mergingList':'scalar'}", "{'mergingList':[{'name':'a'}]}", "{'mergingList':[{'name':'a'}]}")]
    public void Apply_Directives_ProduceUpstreamResult(string original, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(Json.Object(original), Json.Object(patch), TestSchema());

        Json.Equal(expected, result);
    }

    [Theory]
    // server-only items keep their relative positions around the ordered ones
    [InlineData("['a','b','c','d']", "{'$setElementOrder/mergingList':[{'name':'d'},{'name':'b'}],'mergingList':[{'name':'d','x':1}]}",
        "['a','c','d','b']")]
    [InlineData("['a','b','c']", "{'$setElementOrder/mergingList':[{'name':'c'},{'name':'b'},{'name':'a'}]}", "['c','b','a']")]
    [InlineData("['a','b']", "{'$setElementOrder/mergingList':[{'name':'a'},{'name':'c'},{'name':'b'}],'mergingList':[{'name':'c'}]}",
        "['a','c','b']")]
    [InlineData("['s1','a','s2','b']", "{'$setElementOrder/mergingList':[{'name':'b'},{'name':'a'}],'mergingList':[{'name':'b','x':1}]}",
        "['s1','s2','b','a']")]
    [InlineData("['a','b','c']", "{'$setElementOrder/mergingList':[{'name':'c'},{'name':'a'}],'mergingList':[{'name':'b','$patch':'delete'}]}",
        "['c','a']")]
    [InlineData("[]", "{'$setElementOrder/mergingList':[{'name':'x'},{'name':'y'}],'mergingList':[{'name':'x'},{'name':'z','$patch':'delete'},{'name':'y'}]}",
        "['x','y']")]
    // without $setElementOrder, patch items come in patch order and new ones where the patch puts them
    [InlineData("['a','b','c']", "{'mergingList':[{'name':'c','x':1},{'name':'a','x':1}]}", "['b','c','a']")]
    [InlineData("['a','b']", "{'mergingList':[{'name':'n'},{'name':'b','x':1}]}", "['n','a','b']")]
    public void Apply_SetElementOrder_OrdersLikeUpstream(string names, string patch, string expectedNames)
    {
        var original = Json.Object("{'mergingList':" + ToElements(names) + "}");

        var result = StrategicMergePatch.Apply(original, Json.Object(patch), TestSchema());

        var actualNames = result["mergingList"]!.AsArray().Select(e => e!["name"]!.GetValue<string>());
        Assert.Equal(Json.Parse(expectedNames)!.AsArray().Select(n => n!.GetValue<string>()), actualNames);
    }

    [Theory]
    [InlineData("[1,2,3]", "{'$setElementOrder/mergingIntList':[3,1]}", "[2,3,1]")]
    [InlineData("[1,2]", "{'$setElementOrder/mergingIntList':[2,3],'mergingIntList':[3],'$deleteFromPrimitiveList/mergingIntList':[1]}", "[2,3]")]
    [InlineData("[1,2]", "{'$setElementOrder/mergingIntList':[3,1,2],'mergingIntList':[3]}", "[3,1,2]")]
    public void Apply_SetElementOrderOnPrimitiveList_OrdersValues(string list, string patch, string expected)
    {
        var original = Json.Object("{'mergingIntList':" + list + "}");

        var result = StrategicMergePatch.Apply(original, Json.Object(patch), TestSchema());

        Json.Equal(expected, result["mergingIntList"]);
    }

    [Theory]
    [InlineData("{'$patch':'bogus'}")]
    [InlineData("{'m':{'$patch':5}}")]
    [InlineData("{'mergingList':[{'v':1}]}")]
    [InlineData("{'mergingList':[{'$patch':'delete'}]}")]
    [InlineData("{'mergingList':[{'$patch':'bogus','name':'a'}]}")]
    [InlineData("{'mergingList':[{'name':'a'},1]}")]
    [InlineData("{'noKeyList':[{'name':'a'}]}")]
    [InlineData("{'$setElementOrder/mergingList':{'name':'a'}}")]
    [InlineData("{'$setElementOrder':[{'name':'a'}]}")]
    [InlineData("{'$setElementOrder/m':[{'name':'a'}]}")]
    [InlineData("{'$setElementOrder/mergingList':[{'other':'a'}]}")]
    [InlineData("{'$setElementOrder/mergingList':[{'name':'a'},{'name':'b'}],'mergingList':[{'name':'b'},{'name':'a'}]}")]
    [InlineData("{'$setElementOrder/mergingList':[{'name':'a'}],'mergingList':[{'name':'c'}]}")]
    [InlineData("{'$setElementOrder/mergingList':[{'name':'x'},{'name':'y'}],'mergingList':[{'name':'y'},{'name':'x'}]}")]
    [InlineData("{'$retainKeys':'a'}")]
    [InlineData("{'$retainKeys':[1]}")]
    [InlineData("{'$retainKeys':['a'],'b':1}")]
    [InlineData("{'$deleteFromPrimitiveList/mergingIntList':1}")]
    [InlineData("{'$deleteFromPrimitiveList':[1]}")]
    [InlineData("{'$deleteFromPrimitiveList/m':[1]}")]
    public void Apply_MalformedDirective_ThrowsBadRequest(string patch)
    {
        var original = Json.Object("{'m':{'a':1},'mergingList':[{'name':'a'}],'mergingIntList':[1],'noKeyList':[{'name':'x'}]}");

        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(original, Json.Object(patch), TestSchema()));

        Assert.Equal(PatchErrorReason.BadRequest, error.Reason);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("'x'")]
    [InlineData("{'a':")]
    public void Apply_BodyNotAnObject_ThrowsBadRequest(string patch)
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(Json.Object("{}"), Json.Bytes(patch), null));

        Assert.Equal(PatchErrorReason.BadRequest, error.Reason);
    }

    [Fact]
    public void Apply_ListOfLists_ThrowsInvalid()
    {
        var original = Json.Object("{'mergingIntList':[[1]]}");

        var error = Assert.Throws<PatchException>(() =>
            StrategicMergePatch.Apply(original, Json.Object("{'mergingIntList':[[2]]}"), TestSchema()));

        Assert.Equal(PatchErrorReason.Invalid, error.Reason);
        Assert.Equal(422, error.StatusCode);
    }

    [Theory]
    [InlineData("{'spec':{'list':[{'name':'a','x':1}],'map':{'a':1}}}", "{'spec':{'list':[{'name':'a'}],'map':{'b':2}}}",
        "{'spec':{'list':[{'name':'a'}],'map':{'a':1,'b':2}}}")]
    [InlineData("{'spec':{'map':{'a':1,'b':2}}}", "{'spec':{'map':{'a':null}}}", "{'spec':{'map':{'b':2}}}")]
    [InlineData("{'spec':{'s':'x'}}", "{'spec':{'s':{'nested':true}}}", "{'spec':{'s':{'nested':true}}}")]
    public void Apply_NoSchema_BehavesAsMergePatch(string original, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(Json.Object(original), Json.Object(patch), schema: null);

        Json.Equal(expected, result);
        Json.Equal(expected, JsonMergePatch.Apply(Json.Object(original), Json.Object(patch)));
    }

    [Fact]
    public void Apply_Success_LeavesOriginalAndPatchUntouched()
    {
        const string originalJson = "{'mergingList':[{'name':'a','v':1},{'name':'b'}],'m':{'a':1},'mergingIntList':[1,2]}";
        const string patchJson = "{'$setElementOrder/mergingList':[{'name':'b'},{'name':'a'}],'mergingList':[{'name':'a','v':2}],'m':{'$patch':'replace','z':1},'$deleteFromPrimitiveList/mergingIntList':[1]}";
        var original = Json.Object(originalJson);
        var patch = Json.Object(patchJson);

        var result = StrategicMergePatch.Apply(original, patch, TestSchema());

        Json.Equal("{'mergingList':[{'name':'b'},{'name':'a','v':2}],'m':{'z':1},'mergingIntList':[2]}", result);
        Json.Equal(originalJson, original);
        Json.Equal(patchJson, patch);
    }

    [Fact]
    public void Apply_Failure_LeavesOriginalUntouched()
    {
        const string originalJson = "{'mergingList':[{'name':'a'}],'m':{'a':1}}";
        var original = Json.Object(originalJson);

        Assert.Throws<PatchException>(() =>
            StrategicMergePatch.Apply(original, Json.Object("{'m':{'a':2},'mergingList':[{'$patch':'delete','name':'a'},{'v':1}]}"), TestSchema()));

        Json.Equal(originalJson, original);
    }

    private static string ToElements(string names) =>
        "[" + string.Join(",", Json.Parse(names)!.AsArray().Select(n => "{'name':'" + n!.GetValue<string>() + "'}")) + "]";
}
