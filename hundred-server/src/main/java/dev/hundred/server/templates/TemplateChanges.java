package dev.hundred.server.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each change a client can make to a template, as a function from the stored template to the next one:
 * defaults filled, every rule checked (a 400 naming every broken rule), nothing written. The service
 * runs them inside its transaction and stores the result.
 */
final class TemplateChanges {
    private TemplateChanges() {}

    /** Create, overwrite by name, or full replace (spec §5.2, §5.5): the body's parts replace the template's. */
    static Template fromBody(Template base, TemplateBody body) {
        Problems p = new Problems();
        TemplateRules.name(body.name(), p);
        Map<String, Role> given = body.roles() != null ? body.roles() : Map.of();
        List<String> names = new ArrayList<>(given.keySet());
        Map<String, Role> roles = new LinkedHashMap<>();
        given.forEach((key, role) -> {
            String at = "roles." + key;
            RoleRules.name(at, key, p);
            if (role != null && role.name() != null && !role.name().equals(key)) {
                p.add(at + ".name", "must be " + key + ", the key it is filed under");
            }
            Role filled = TemplateDefaults.role(key, role, names);
            RoleRules.check(filled, at, names, p);
            roles.put(key, filled);
        });
        Settings settings = TemplateDefaults.settings(body.settings());
        TemplateRules.settings(settings, "settings", p);
        Destinations destinations = TemplateDefaults.destinations(body.destinations());
        DestinationRules.check(destinations, "destinations", p);
        Plugins plugins = TemplateDefaults.plugins(body.plugins());
        TemplateRules.plugins(plugins, "plugins", names, p);
        Template next = base.withName(body.name() != null ? body.name() : base.name()).withRoles(roles)
                .withSettings(settings).withDestinations(destinations).withPlugins(plugins);
        TemplateRules.consistency(next, "destinations", p);
        p.throwIfAny();
        return next;
    }

    /**
     * Create or update the role at {@code path} (spec §5.6). A different {@code name} in the body renames
     * it, in place, and every reference to it follows; renaming onto another role is refused.
     */
    static Template putRole(Template t, String path, Role body) {
        String target = body.name() != null ? body.name() : path;
        if (!target.equals(path) && t.roles().containsKey(target)) {
            throw TemplateErrors.roleTaken(target);
        }
        boolean renaming = !target.equals(path) && t.roles().containsKey(path);
        List<String> names = new ArrayList<>();
        t.roles().keySet().forEach(name -> names.add(name.equals(path) ? target : name));
        if (!names.contains(target)) {
            names.add(target);
        }
        Problems p = new Problems();
        RoleRules.name("name", target, p);
        Role role = TemplateDefaults.role(target, body, names);
        RoleRules.check(role, "", names, p);

        Map<String, Role> roles = new LinkedHashMap<>();
        t.roles().forEach((name, existing) -> {
            if (name.equals(path)) {
                roles.put(target, role);
            } else {
                roles.put(name, renaming ? RoleReferences.rename(existing, path, target) : existing);
            }
        });
        roles.putIfAbsent(target, role);
        Template next = t.withRoles(roles);
        if (renaming) {
            next = next.withPlugins(RoleReferences.rename(t.plugins(), path, target))
                    .withRecordings(RoleReferences.renameInRecordings(t.recordings(), path, target));
        }
        TemplateRules.consistency(next, "destinations", p);
        p.throwIfAny();
        return next;
    }

    /**
     * Delete a role (spec §5.6): other roles stop subscribing to it and plugins forget it. A role the
     * recording configuration records as is kept until that configuration changes.
     */
    static Template deleteRole(Template t, String name) {
        if (!t.roles().containsKey(name)) {
            throw TemplateErrors.roleNotFound();
        }
        for (RecordingConfig config : t.recordings()) {
            if (name.equals(config.role())) {
                throw TemplateErrors.roleInUse(name, config.name());
            }
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        t.roles().forEach((key, role) -> {
            if (!key.equals(name)) {
                roles.put(key, RoleReferences.rename(role, name, null));
            }
        });
        return t.withRoles(roles).withPlugins(RoleReferences.rename(t.plugins(), name, null));
    }

    static Template putSettings(Template t, Settings body) {
        Problems p = new Problems();
        Settings settings = TemplateDefaults.settings(body);
        TemplateRules.settings(settings, "", p);
        Template next = t.withSettings(settings);
        TemplateRules.consistency(next, "destinations", p);
        p.throwIfAny();
        return next;
    }

    static Template putDestinations(Template t, Destinations body) {
        Problems p = new Problems();
        Destinations destinations = TemplateDefaults.destinations(body);
        DestinationRules.check(destinations, "", p);
        Template next = t.withDestinations(destinations);
        TemplateRules.consistency(next, "", p);
        p.throwIfAny();
        return next;
    }

    static Template putRecordings(Template t, List<RecordingConfig> body) {
        Problems p = new Problems();
        TemplateRules.recordings(body, t.roles().keySet(), p);
        p.throwIfAny();
        return t.withRecordings(body.stream().map(TemplateDefaults::recording).toList());
    }
}
