using System.Text.Json;
using System.Text.Json.Nodes;

namespace OO.Ai.Writing;

/// <summary>The JSON schema a model's answer is asked to follow; the gate checks the same rules whatever the model did.</summary>
public static class TipSchema
{
    /// <summary>The schema for an answer of at most <paramref name="maxTips"/> tips.</summary>
    public static JsonElement For(int maxTips)
    {
        var tip = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["content"] = new JsonObject { ["type"] = "string", ["maxLength"] = Gate.TipGate.MaxContentLength },
                ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("advice", "insight", "reminder", "task") },
                ["sourceRef"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
            ["required"] = new JsonArray("content", "kind", "sourceRef", "confidence"),
            ["additionalProperties"] = false,
        };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["tips"] = new JsonObject { ["type"] = "array", ["maxItems"] = maxTips, ["items"] = tip },
            },
            ["required"] = new JsonArray("tips"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
