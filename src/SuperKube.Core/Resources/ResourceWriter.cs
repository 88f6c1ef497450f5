using System.Text.Json.Nodes;
using SuperKube.Admission;
using SuperKube.Api;
using SuperKube.Apply;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Storage;

namespace SuperKube.Resources;

/// <summary>
/// The write paths of every resource: strategy (defaults, validation, status split), admission, optimistic
/// concurrency on resourceVersion, finalizers, managedFields, then storage. Used by the HTTP API and in-process clients alike.
/// </summary>
internal sealed class ResourceWriter(IResourceStore store, ResourceReader reader, AdmissionChain admission, TimeProvider time)
{
    private const int MaxRetries = 64; // writers racing on one object without a precondition all get through

    public async Task<WriteResult> CreateAsync(ResourceType type, string ns, JsonObject obj, WriteContext context, CancellationToken cancellationToken)
    {
        ObjectPreparation.BindToEndpoint(type, obj, type.IsNamespaced ? ns : "", "");
        ObjectPreparation.PrepareCreate(type, obj, time.GetUtcNow());
        var name = ObjectMetadata.Name(obj);
        type.Strategy.Default(obj);
        PrunedFields.Prune(type, obj, context);
        Validate(type, obj, null);
        var request = Request(type, AdmissionOperation.Create, obj, null, "", context);
        if (admission.CanMutateOn(type))
        {
            await admission.MutateAsync(request, cancellationToken).ConfigureAwait(false);
            Validate(type, obj, null);
        }

        await admission.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        ObjectPreparation.StampCreate(obj, time.GetUtcNow());
        ManagedFieldsTracker.RecordCreate(type, obj, context, time.GetUtcNow());
        if (context.DryRun)
        {
            return new WriteResult(JsonBytes.From(obj), Created: true);
        }

        var key = Key(type, obj);
        try
        {
            var stored = await store.CreateAsync(key, JsonBytes.From(obj), cancellationToken).ConfigureAwait(false);
            await reader.WaitForAsync(stored.Revision, cancellationToken).ConfigureAwait(false);
            return new WriteResult(stored.Json, Created: true);
        }
        catch (ResourceAlreadyExistsException)
        {
            throw ApiException.AlreadyExists(type, name);
        }
    }

    /// <summary>
    /// Read-modify-write with retries: <paramref name="produce"/> turns the current object into the desired one. A
    /// resourceVersion in the desired object is a precondition (409 when stale); without one, races are retried.
    /// </summary>
    public async Task<WriteResult> UpdateAsync(
        ResourceType type,
        string ns,
        string name,
        string subresource,
        Func<JsonObject, JsonObject> produce,
        WriteContext context,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await reader.GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
            var old = current.Parse();
            ObjectPreparation.ConvertToVersion(type, old);
            var desired = produce(old.DeepClone().AsObject());
            if (!ObjectMetadata.TryResourceVersion(desired, out var precondition))
            {
                throw ApiException.BadRequest($"invalid resourceVersion \"{ObjectMetadata.ResourceVersion(desired)}\"");
            }

            if (precondition is { } wanted && wanted != current.Revision)
            {
                throw ApiException.Conflict(type, name);
            }

            ObjectPreparation.BindToEndpoint(type, desired, type.IsNamespaced ? ns : "", name);
            var updated = ObjectPreparation.PrepareUpdate(type, old, desired, subresource);
            type.Strategy.Default(updated);
            PrunedFields.Prune(type, updated, context);
            var request = Request(type, AdmissionOperation.Update, updated, old, subresource, context);
            await admission.MutateAsync(request, cancellationToken).ConfigureAwait(false);
            // pods/binding changes spec.nodeName, which ordinary pod updates may not: validate the result on its own.
            Validate(type, updated, subresource == "binding" ? null : old);
            await admission.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            ObjectPreparation.BumpGeneration(type, old, updated);
            ObjectMetadata.Of(updated)["resourceVersion"] = current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ManagedFieldsTracker.RecordUpdate(type, old, updated, subresource, context, time.GetUtcNow());

            if (JsonNode.DeepEquals(old, updated))
            {
                return new WriteResult(current.Json);
            }

            if (context.DryRun)
            {
                return new WriteResult(JsonBytes.From(updated));
            }

            try
            {
                var key = new ObjectKey(type.StorageKey, current.Key.Namespace, name);
                if (ObjectMetadata.IsDeleting(updated) && !DeletionFinalizers.Pending(type, updated) && !GracefulDeletion.InProgress(updated))
                {
                    var deleted = await store.DeleteAsync(key, current.Revision, cancellationToken).ConfigureAwait(false);
                    await reader.WaitForAsync(deleted.Revision, cancellationToken).ConfigureAwait(false);
                    return new WriteResult(deleted.Json, Deleted: true);
                }

                var stored = await store.UpdateAsync(key, JsonBytes.From(updated), current.Revision, cancellationToken).ConfigureAwait(false);
                await reader.WaitForAsync(stored.Revision, cancellationToken).ConfigureAwait(false);
                return new WriteResult(stored.Json);
            }
            catch (ResourceConflictException) when (precondition is null && attempt < MaxRetries)
            {
                await reader.SyncAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceConflictException)
            {
                throw ApiException.Conflict(type, name);
            }
            catch (ResourceNotFoundException)
            {
                throw ApiException.NotFound(type, name);
            }
        }
    }

    /// <summary>
    /// Deletes an object. With finalizers pending, it is only marked (deletionTimestamp) and returned; it goes away
    /// when the last finalizer is removed.
    /// </summary>
    public async Task<WriteResult> DeleteAsync(
        ResourceType type, string ns, string name, DeleteOptions options, WriteContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await reader.GetAsync(type, ns, name, cancellationToken).ConfigureAwait(false);
            var old = current.Parse();
            CheckPreconditions(type, name, old, options);
            var request = Request(type, AdmissionOperation.Delete, null, old, "", context);
            await admission.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            var key = new ObjectKey(type.StorageKey, current.Key.Namespace, name);
            try
            {
                var grace = GracefulDeletion.GracePeriod(type, old, options);
                var finalizersChanged = DeletionFinalizers.ApplyPolicy(type, old, options);
                if (grace > 0 || DeletionFinalizers.Pending(type, old))
                {
                    var meta = ObjectMetadata.Of(old);
                    var pending = meta["deletionGracePeriodSeconds"] is JsonValue p && p.TryGetValue<long>(out var seconds) ? seconds : (long?)null;
                    var deleting = ObjectMetadata.IsDeleting(old);
                    var shortened = deleting && pending is not null && grace < pending;
                    if (context.DryRun || (deleting && !shortened && !finalizersChanged))
                    {
                        return new WriteResult(current.Json);
                    }

                    if (!deleting || shortened)
                    {
                        meta["deletionTimestamp"] = ObjectMetadata.Timestamp(time.GetUtcNow().AddSeconds(grace));
                        meta["deletionGracePeriodSeconds"] = grace;
                    }

                    DeletionFinalizers.MarkDeleting(type, old);
                    var marked = await store.UpdateAsync(key, JsonBytes.From(old), current.Revision, cancellationToken).ConfigureAwait(false);
                    await reader.WaitForAsync(marked.Revision, cancellationToken).ConfigureAwait(false);
                    return new WriteResult(marked.Json);
                }

                if (context.DryRun)
                {
                    return new WriteResult(current.Json, Deleted: true);
                }

                var deleted = await store.DeleteAsync(key, current.Revision, cancellationToken).ConfigureAwait(false);
                await reader.WaitForAsync(deleted.Revision, cancellationToken).ConfigureAwait(false);
                return new WriteResult(deleted.Json, Deleted: true);
            }
            catch (ResourceConflictException) when (attempt < MaxRetries)
            {
                await reader.SyncAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                throw ApiException.NotFound(type, name);
            }
        }
    }

    private static void CheckPreconditions(ResourceType type, string name, JsonObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != ObjectMetadata.Uid(current))
        {
            throw ApiException.Conflict(type, name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {ObjectMetadata.Uid(current)}");
        }

        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != ObjectMetadata.ResourceVersion(current))
        {
            throw ApiException.Conflict(type, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {ObjectMetadata.ResourceVersion(current)}");
        }
    }

    private static void Validate(ResourceType type, JsonObject obj, JsonObject? old)
    {
        var errors = type.Strategy.Validate(obj, old);
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type.Group, type.Kind, ObjectMetadata.Name(obj), errors);
        }
    }

    private static ObjectKey Key(ResourceType type, JsonObject obj) =>
        new(type.StorageKey, type.IsNamespaced ? ObjectMetadata.Namespace(obj) : "", ObjectMetadata.Name(obj));

    private static AdmissionRequest Request(
        ResourceType type, AdmissionOperation operation, JsonObject? obj, JsonObject? old, string subresource, WriteContext context) =>
        new()
        {
            Operation = operation,
            Resource = type,
            Namespace = type.IsNamespaced ? ObjectMetadata.Namespace(obj ?? old!) : "",
            Name = ObjectMetadata.Name(obj ?? old!),
            Subresource = subresource,
            Object = obj,
            OldObject = old,
            User = context.User,
            DryRun = context.DryRun,
            Warnings = context.Warnings,
        };
}
