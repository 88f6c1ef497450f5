using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Objects;

namespace SuperKube.Apply;

/// <summary>
/// A set of field paths, stored as a tree of path elements (<see cref="PathElement"/>). A node is in the tree
/// when its path is a member of the set or when a member lies below it. A set is only built through
/// <see cref="Insert"/> and parsing, never changed afterwards: the set operations return new sets that share
/// unchanged subtrees with their operands. Reads and writes the FieldsV1 JSON form:
/// <c>{"f:spec":{"f:replicas":{}}}</c>, where <c>"."</c> marks a node that is a member and also has members below.
/// </summary>
internal sealed class FieldSet
{
    /// <summary>The children in <see cref="PathElement.Compare"/> order (a sorted list: sets are small and copied often).</summary>
    private readonly List<(string Element, FieldSet Child)> _children;

    /// <summary>True when this node's own path is in the set (never for the root).</summary>
    private bool _member;

    /// <summary>The FieldsV1 UTF-8 form of a root set, once parsed from or written to it (a set never changes).</summary>
    private byte[]? _fieldsV1;

    public FieldSet()
        : this(0)
    {
    }

    private FieldSet(int capacity) => _children = new(capacity);

    /// <summary>True when the set has no members.</summary>
    public bool IsEmpty => _children.Count == 0;

    /// <summary>
    /// Parses FieldsV1; throws <see cref="FormatException"/> on anything else. Read from the node's UTF-8 form, so a
    /// node still backed by its parsed document is never materialised as a tree.
    /// </summary>
    public static FieldSet Parse(JsonNode? fieldsV1)
    {
        if (fieldsV1 is not JsonObject root)
        {
            throw new FormatException("fieldsV1 must be a JSON object");
        }

        var json = JsonBytes.From(root);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var set = new FieldSet { _fieldsV1 = json };
        set.ReadChildren(ref reader);
        return set;
    }

    /// <summary>A set holding the given paths.</summary>
    public static FieldSet Of(params IReadOnlyList<string>[] paths)
    {
        var set = new FieldSet();
        foreach (var path in paths)
        {
            set.Insert(path);
        }

        return set;
    }

    /// <summary>The FieldsV1 JSON of the set (written as UTF-8 and parsed back: a document-backed node, no tree of nodes).</summary>
    public JsonObject ToJson() =>
        JsonNode.Parse(_fieldsV1 ??= JsonBytes.Write(this, static (set, writer) => set.WriteTo(writer)))!.AsObject();

    private void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (_member && _children.Count > 0)
        {
            writer.WriteStartObject(PathElement.Self);
            writer.WriteEndObject();
        }

        foreach (var (element, child) in _children)
        {
            writer.WritePropertyName(element);
            child.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    public void Insert(IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return;
        }

        _fieldsV1 = null;
        var node = this;
        foreach (var element in path)
        {
            if (!node.TryGetChild(element, out var child))
            {
                child = new FieldSet();
                node.SetChild(element, child);
            }

            node = child;
        }

        node._member = true;
    }

    /// <summary>True when <paramref name="path"/> itself is a member.</summary>
    public bool Contains(IReadOnlyList<string> path) => path.Count > 0 && Find(path) is { _member: true };

    /// <summary>True when <paramref name="path"/> or anything below it is a member.</summary>
    public bool ContainsAtOrBelow(IReadOnlyList<string> path) => Find(path) is not null;

    /// <summary>Every member path, parents before children, in FieldsV1 order.</summary>
    public IEnumerable<IReadOnlyList<string>> Paths()
    {
        var prefix = new List<string>();
        return Walk(this, prefix);

        static IEnumerable<IReadOnlyList<string>> Walk(FieldSet node, List<string> prefix)
        {
            foreach (var (element, child) in node._children)
            {
                prefix.Add(element);
                if (child._member)
                {
                    yield return prefix.ToArray();
                }

                foreach (var path in Walk(child, prefix))
                {
                    yield return path;
                }

                prefix.RemoveAt(prefix.Count - 1);
            }
        }
    }

    /// <summary>The members of either set (shares unchanged subtrees with both: sets are never changed once built).</summary>
    public FieldSet Union(FieldSet other)
    {
        if (other.IsEmpty && (!other._member || _member))
        {
            return this;
        }

        if (IsEmpty && (!_member || other._member))
        {
            return other;
        }

        var result = new FieldSet(Math.Max(_children.Count, other._children.Count)) { _member = _member || other._member };
        int i = 0, j = 0;
        while (i < _children.Count || j < other._children.Count)
        {
            var order = i == _children.Count ? 1
                : j == other._children.Count ? -1
                : PathElement.Compare(_children[i].Element, other._children[j].Element);
            if (order < 0)
            {
                result._children.Add(_children[i++]);
            }
            else if (order > 0)
            {
                result._children.Add(other._children[j++]);
            }
            else
            {
                result._children.Add((_children[i].Element, _children[i].Child.Union(other._children[j].Child)));
                i++;
                j++;
            }
        }

        return result;
    }

    /// <summary>The members of this set that are not members of <paramref name="other"/>.</summary>
    public FieldSet Difference(FieldSet other) => Overlaps(other) ? Combine(this, other, static (l, r) => l && !r, keepLeftOnly: true) : this;

    public FieldSet Intersect(FieldSet other) => Combine(this, other, static (l, r) => l && r, keepLeftOnly: false);

    /// <summary>This set without the members of <paramref name="other"/> and without everything below them.</summary>
    public FieldSet RecursiveDifference(FieldSet other)
    {
        var result = new FieldSet { _member = _member };
        foreach (var (element, child) in _children)
        {
            if (!other.TryGetChild(element, out var removed))
            {
                result._children.Add((element, child));
            }
            else if (!removed._member && child.RecursiveDifference(removed) is { } rest && (rest._member || rest._children.Count > 0))
            {
                result._children.Add((element, rest));
            }
        }

        return result;
    }

    /// <summary>True when some path is a member of both sets (so <see cref="Difference"/> would change this one).</summary>
    public bool Overlaps(FieldSet other)
    {
        if (_member && other._member)
        {
            return true;
        }

        foreach (var (element, child) in _children)
        {
            if (other.TryGetChild(element, out var match) && child.Overlaps(match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when both sets hold the same members.</summary>
    public bool SetEquals(FieldSet other) =>
        _member == other._member &&
        _children.Count == other._children.Count &&
        _children.All(c => other.TryGetChild(c.Element, out var o) && c.Child.SetEquals(o));

    public override string ToString() => ToJson().ToJsonString();

    private static FieldSet Combine(FieldSet left, FieldSet right, Func<bool, bool, bool> member, bool keepLeftOnly)
    {
        var result = new FieldSet { _member = member(left._member, right._member) };
        foreach (var (element, child) in left._children)
        {
            var combined = right.TryGetChild(element, out var match)
                ? Combine(child, match, member, keepLeftOnly)
                : keepLeftOnly ? child : null;
            if (combined is not null && (combined._member || combined._children.Count > 0))
            {
                result._children.Add((element, combined)); // in order: left's children are
            }
        }

        return result;
    }

    private FieldSet? Find(IReadOnlyList<string> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.TryGetChild(element, out node))
            {
                return null;
            }
        }

        return node;
    }

    private bool TryGetChild(string element, out FieldSet child)
    {
        var index = IndexOf(element);
        child = index >= 0 ? _children[index].Child : null!;
        return index >= 0;
    }

    private void SetChild(string element, FieldSet child)
    {
        var index = IndexOf(element);
        if (index >= 0)
        {
            _children[index] = (element, child);
        }
        else
        {
            _children.Insert(~index, (element, child));
        }
    }

    /// <summary>The index of <paramref name="element"/>, or the bitwise complement of where it would go.</summary>
    private int IndexOf(string element)
    {
        int low = 0, high = _children.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = PathElement.Compare(_children[middle].Element, element);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    /// <summary>Reads the members of the object the reader is on (its start); returns how many elements it held.</summary>
    private int ReadChildren(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            var element = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || (element != PathElement.Self && !PathElement.IsValid(element)))
            {
                throw new FormatException($"invalid FieldsV1 element \"{element}\"");
            }

            if (element == PathElement.Self)
            {
                _member = true;
                reader.Skip();
                continue;
            }

            var child = new FieldSet();
            if (child.ReadChildren(ref reader) == 0)
            {
                child._member = true;
            }

            SetChild(element, child);
        }

        return count;
    }
}
