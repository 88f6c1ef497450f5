namespace SuperKube.Tables;

/// <summary>A column of a server-side <c>Table</c> (meta.k8s.io/v1).</summary>
/// <param name="Name">Header as kubectl prints it upper-cased (<c>Name</c>, <c>Ready</c>).</param>
/// <param name="Type">OpenAPI type of the cells: <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>date</c>.</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Priority">0 for default columns, 1 for columns shown only with <c>-o wide</c>.</param>
/// <param name="Format">Optional format hint, <c>name</c> for the name column.</param>
public sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");
