namespace SuperKube.Tables;

/// <summary>Builders for table columns and the columns many resources share.</summary>
internal static class TableColumns
{
    /// <summary>The object name column, always first except for events.</summary>
    public static readonly TableColumn Name =
        new("Name", "string", "Name of the object, unique within its namespace (or the cluster).", Format: "name");

    /// <summary>Time since the object was created.</summary>
    public static readonly TableColumn Age = new("Age", "string", "Time elapsed since the object was created.");

    /// <summary>Container names of a pod template (wide).</summary>
    public static readonly TableColumn Containers = new("Containers", "string", "Names of the containers in the pod template.", 1);

    /// <summary>Container images of a pod template (wide).</summary>
    public static readonly TableColumn Images = new("Images", "string", "Images of the containers in the pod template.", 1);

    /// <summary>The label selector of a workload (wide).</summary>
    public static readonly TableColumn Selector = new("Selector", "string", "Label query selecting the pods this object manages.", 1);

    /// <summary>A string column.</summary>
    public static TableColumn Text(string name, string description, int priority = 0) => new(name, "string", description, priority);

    /// <summary>An integer column.</summary>
    public static TableColumn Integer(string name, string description, int priority = 0) => new(name, "integer", description, priority);

    /// <summary>A boolean column.</summary>
    public static TableColumn Boolean(string name, string description, int priority = 0) => new(name, "boolean", description, priority);
}
