using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Selection;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Resources;

/// <summary>The label and field selectors of a LIST or WATCH, checked against cached objects.</summary>
internal sealed class ObjectFilter
{
    private readonly ResourceType _type;
    private readonly LabelSelector? _labels;
    private readonly FieldSelector? _fields;

    private ObjectFilter(ResourceType type, LabelSelector? labels, FieldSelector? fields)
    {
        _type = type;
        _labels = labels;
        _fields = fields;
    }

    /// <summary>True when nothing is filtered.</summary>
    public bool IsEmpty => _labels is null && _fields is null;

    /// <summary>Parses the selectors; 400 BadRequest for syntax errors and unsupported field labels.</summary>
    public static ObjectFilter Create(ResourceType type, ListOptions options)
    {
        LabelSelector? labels = null;
        FieldSelector? fields = null;
        if (!string.IsNullOrWhiteSpace(options.LabelSelector))
        {
            if (!LabelSelector.TryParse(options.LabelSelector, out var parsed, out var error))
            {
                throw ApiException.BadRequest(error);
            }

            labels = parsed;
        }

        if (!string.IsNullOrWhiteSpace(options.FieldSelector))
        {
            if (!FieldSelector.TryParse(options.FieldSelector, out var parsed, out var error))
            {
                throw ApiException.BadRequest(error);
            }

            var unsupported = parsed.FindUnsupported(f => f is "metadata.name" or "metadata.namespace" || type.SelectableFields.ContainsKey(f));
            if (unsupported is not null)
            {
                throw ApiException.BadRequest(unsupported);
            }

            fields = parsed;
        }

        return new ObjectFilter(type, labels, fields);
    }

    public bool Matches(CachedObject obj)
    {
        if (_labels is not null && !_labels.Matches(obj.Labels))
        {
            return false;
        }

        if (_fields is null)
        {
            return true;
        }

        return _fields.Matches(field => field switch
        {
            "metadata.name" => obj.Key.Name,
            "metadata.namespace" => obj.Key.Namespace,
            _ => obj.SelectableField(_type, field),
        });
    }

    /// <summary>
    /// The event type a watcher with these selectors receives for a change, or null when it must not see it: an
    /// object that starts matching is ADDED, one that stops matching is DELETED, as the real server does.
    /// </summary>
    public ChangeType? Transition(CacheEvent e)
    {
        if (IsEmpty)
        {
            return e.Type;
        }

        var now = Matches(e.Object);
        if (e.Type != ChangeType.Modified)
        {
            return now ? e.Type : null;
        }

        var before = e.Previous is not null && Matches(e.Previous);
        return (before, now) switch
        {
            (true, true) => ChangeType.Modified,
            (false, true) => ChangeType.Added,
            (true, false) => ChangeType.Deleted,
            _ => null,
        };
    }
}
