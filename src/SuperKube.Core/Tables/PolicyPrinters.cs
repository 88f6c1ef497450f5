using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of pod disruption budgets and priority classes.</summary>
internal static class PolicyPrinters
{
    /// <summary>Name, Min Available, Max Unavailable, Allowed Disruptions, Age.</summary>
    public static readonly TableDefinition PodDisruptionBudgets = new(
        [
            TableColumns.Name,
            TableColumns.Text("Min Available", "Pods that must stay available, as a number or percentage."),
            TableColumns.Text("Max Unavailable", "Pods that may be unavailable, as a number or percentage."),
            TableColumns.Integer("Allowed Disruptions", "Pods that may be disrupted right now."),
            TableColumns.Age,
        ],
        static (pdb, now) => [
            ObjectCells.Name(pdb),
            Str(pdb, "spec", "minAvailable") ?? "N/A",
            Str(pdb, "spec", "maxUnavailable") ?? "N/A",
            Int(pdb, "status", "disruptionsAllowed"),
            ObjectCells.Age(pdb, now),
        ]);

    /// <summary>Name, Value, Global-Default, Age, PreemptionPolicy.</summary>
    public static readonly TableDefinition PriorityClasses = new(
        [
            TableColumns.Name,
            TableColumns.Integer("Value", "Priority given to pods of this class."),
            TableColumns.Boolean("Global-Default", "Whether pods without a class get this one."),
            TableColumns.Age,
            TableColumns.Text("PreemptionPolicy", "Whether pods of this class may preempt lower-priority pods."),
        ],
        static (pc, now) => [
            ObjectCells.Name(pc),
            Int(pc, "value"),
            Bool(pc, "globalDefault"),
            ObjectCells.Age(pc, now),
            Text(pc, "preemptionPolicy"),
        ]);
}
