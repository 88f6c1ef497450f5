using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

/// <summary>
/// One row per keyword: the schema of <c>spec.x</c>, a value, and the errors the real server reports for it ("" when
/// valid). Messages follow kube-openapi as apiextensions reports them.
/// </summary>
public sealed class SchemaValidatorTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // type
        { """{"type":"integer"}""", "3", "" },
        { """{"type":"integer"}""", "\"3\"", """spec.x: Invalid value: "string": spec.x in body must be of type integer: "string" """ },
        { """{"type":"integer"}""", "1.5", """spec.x: Invalid value: "number": spec.x in body must be of type integer: "number" """ },
        { """{"type":"number"}""", "2", "" },
        { """{"type":"string"}""", "true", """spec.x: Invalid value: "boolean": spec.x in body must be of type string: "boolean" """ },
        { """{"type":"boolean"}""", "false", "" },
        { """{"type":"object"}""", "[]", """spec.x: Invalid value: "array": spec.x in body must be of type object: "array" """ },
        { """{"type":"array","items":{"type":"string"}}""", "{}", """spec.x: Invalid value: "object": spec.x in body must be of type array: "object" """ },
        { """{"type":"string"}""", "null", """spec.x: Invalid value: "null": spec.x in body must be of type string: "null" """ },

        // nullable
        { """{"type":"string","nullable":true}""", "null", "" },

        // enum
        { """{"type":"string","enum":["red","blue"]}""", "\"red\"", "" },
        { """{"type":"string","enum":["red","blue"]}""", "\"pink\"", """spec.x: Unsupported value: "pink": supported values: "red", "blue" """ },
        { """{"type":"integer","enum":[1,2]}""", "3", """spec.x: Unsupported value: 3: supported values: "1", "2" """ },

        // minimum, maximum, exclusive
        { """{"type":"integer","minimum":1,"maximum":10}""", "10", "" },
        { """{"type":"integer","maximum":10}""", "20", "spec.x: Invalid value: 20: spec.x in body should be less than or equal to 10" },
        { """{"type":"integer","minimum":1}""", "0", "spec.x: Invalid value: 0: spec.x in body should be greater than or equal to 1" },
        { """{"type":"integer","maximum":10,"exclusiveMaximum":true}""", "10", "spec.x: Invalid value: 10: spec.x in body should be less than 10" },
        { """{"type":"integer","minimum":1,"exclusiveMinimum":true}""", "1", "spec.x: Invalid value: 1: spec.x in body should be greater than 1" },
        { """{"type":"number","maximum":1.5}""", "2.25", "spec.x: Invalid value: 2.25: spec.x in body should be less than or equal to 1.5" },
        { """{"type":"integer","maximum":1000000}""", "2000000", "spec.x: Invalid value: 2000000: spec.x in body should be less than or equal to 1e+06" },

        // multipleOf
        { """{"type":"integer","multipleOf":5}""", "15", "" },
        { """{"type":"number","multipleOf":0.1}""", "0.3", "" },
        { """{"type":"integer","multipleOf":5}""", "7", "spec.x: Invalid value: 7: spec.x in body should be a multiple of 5" },

        // minLength, maxLength (characters, not bytes)
        { """{"type":"string","maxLength":3}""", "\"äöü\"", "" },
        { """{"type":"string","maxLength":3}""", "\"abcd\"", "spec.x: Too long: may not be more than 3 bytes" },
        { """{"type":"string","minLength":2}""", "\"a\"", """spec.x: Invalid value: "a": spec.x in body should be at least 2 chars long""" },

        // pattern
        { """{"type":"string","pattern":"^[a-z]+$"}""", "\"abc\"", "" },
        { """{"type":"string","pattern":"^[a-z]+$"}""", "\"Abc\"", """spec.x: Invalid value: "Abc": spec.x in body should match '^[a-z]+$'""" },

        // minItems, maxItems, uniqueItems
        { """{"type":"array","items":{"type":"string"},"minItems":1}""", "[]", "spec.x: Invalid value: 0: spec.x in body should have at least 1 items" },
        { """{"type":"array","items":{"type":"string"},"maxItems":2}""", """["a","b","c"]""", "spec.x: Too many: 3: must have at most 2 items" },
        { """{"type":"array","items":{"type":"string"},"uniqueItems":true}""", """["a","b","a"]""", """spec.x: Invalid value: "": spec.x in body shouldn't contain duplicates""" },
        { """{"type":"array","items":{"type":"integer"}}""", """[1,"b"]""", """spec.x[1]: Invalid value: "string": spec.x[1] in body must be of type integer: "string" """ },

        // minProperties, maxProperties
        { """{"type":"object","additionalProperties":{"type":"string"},"minProperties":1}""", "{}", "spec.x: Invalid value: 0: spec.x in body should have at least 1 properties" },
        { """{"type":"object","additionalProperties":{"type":"string"},"maxProperties":1}""", """{"a":"1","b":"2"}""", "spec.x: Too many: 2: must have at most 1 items" },

        // properties, required, additionalProperties
        { """{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", "{}", "spec.x.a: Required value" },
        { """{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"integer","minimum":0}}}}}""", """{"a":{"b":-1}}""",
            "spec.x.a.b: Invalid value: -1: spec.x.a.b in body should be greater than or equal to 0" },
        { """{"type":"object","additionalProperties":{"type":"integer"}}""", """{"k":"v"}""", """spec.x.k: Invalid value: "string": spec.x.k in body must be of type integer: "string" """ },

        // x-kubernetes-preserve-unknown-fields, int-or-string, embedded-resource
        { """{"type":"object","x-kubernetes-preserve-unknown-fields":true}""", """{"any":[1,{"b":true}]}""", "" },
        { """{"x-kubernetes-int-or-string":true}""", "\"50%\"", "" },
        { """{"x-kubernetes-int-or-string":true}""", "8080", "" },
        { """{"x-kubernetes-int-or-string":true}""", "true", """spec.x: Invalid value: "boolean": spec.x in body must be of type integer,string: "boolean" """ },
        { """{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}""", """{"apiVersion":"v1","kind":"Pod"}""", "" },
        { """{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}""", """{"kind":"Pod"}""",
            "spec.x.apiVersion: Required value: must not be empty" },

        // x-kubernetes-list-type
        { """{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}""", """["a","b"]""", "" },
        { """{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}""", """["a","b","a"]""", """spec.x[2]: Duplicate value: "a" """ },
        { """{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","properties":{"name":{"type":"string"},"v":{"type":"integer"}}}}""",
            """[{"name":"a","v":1},{"name":"a","v":2}]""", """spec.x[1]: Duplicate value: map[string]interface {}{"name":"a"}""" },

        // format
        { """{"type":"string","format":"date-time"}""", "\"2024-05-01T10:00:00Z\"", "" },
        { """{"type":"string","format":"date-time"}""", "\"yesterday\"", """spec.x: Invalid value: "yesterday": spec.x in body must be of type date-time: "yesterday" """ },
        { """{"type":"string","format":"date"}""", "\"2024-02-30\"", """spec.x: Invalid value: "2024-02-30": spec.x in body must be of type date: "2024-02-30" """ },
        { """{"type":"string","format":"uuid"}""", "\"9b0a5a3e-6b5c-4d1e-8f1a-2b3c4d5e6f70\"", "" },
        { """{"type":"string","format":"ipv4"}""", "\"10.0.0.300\"", """spec.x: Invalid value: "10.0.0.300": spec.x in body must be of type ipv4: "10.0.0.300" """ },
        { """{"type":"string","format":"byte"}""", "\"aGVsbG8=\"", "" },
        { """{"type":"string","format":"email"}""", "\"no-at-sign\"", """spec.x: Invalid value: "no-at-sign": spec.x in body must be of type email: "no-at-sign" """ },
        { """{"type":"string","format":"int32"}""", "\"anything\"", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Keyword_ReportsUpstreamErrors(string fieldSchema, string value, string expected)
    {
        var schema = CrdSchemaParser.Parse(JsonNode.Parse(
            """{"type":"object","properties":{"spec":{"type":"object","properties":{"x":""" + fieldSchema + "}}}}"));
        var obj = JsonNode.Parse("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"spec":{"x":""" + value + "}}")!.AsObject();

        var errors = SchemaValidator.Validate(obj, schema);

        Assert.Equal(expected.TrimEnd(), string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Validate_RequiredTopLevelField_ReportsFieldName()
    {
        var schema = CrdSchemaParser.Parse(JsonNode.Parse("""{"type":"object","required":["spec"],"properties":{"spec":{"type":"object"}}}"""));

        var error = Assert.Single(SchemaValidator.Validate(JsonNode.Parse("""{"metadata":{"name":"w"}}""")!.AsObject(), schema));

        Assert.Equal("FieldValueRequired", error.Reason);
        Assert.Equal("spec", error.Field);
    }

    [Fact]
    public void Validate_MetadataAtRoot_IsLeftToMetadataValidation()
    {
        var schema = CrdSchemaParser.Parse(JsonNode.Parse("""{"type":"object","properties":{"metadata":{"type":"object"}}}"""));

        Assert.Empty(SchemaValidator.Validate(JsonNode.Parse("""{"metadata":{"name":"w","labels":{"a":"b"}}}""")!.AsObject(), schema));
    }

    [Fact]
    public void Validate_ValuesBuiltInCode_AreReadLikeParsedOnes()
    {
        var schema = CrdSchemaParser.Parse(JsonNode.Parse("""{"type":"object","properties":{"n":{"type":"integer","maximum":3}}}"""));
        var obj = new JsonObject { ["n"] = 4 };

        var error = Assert.Single(SchemaValidator.Validate(obj, schema));

        Assert.Equal("n: Invalid value: 4: n in body should be less than or equal to 3", error.ToString());
    }
}
