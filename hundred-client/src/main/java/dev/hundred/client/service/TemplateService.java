package dev.hundred.client.service;

import com.fasterxml.jackson.databind.JavaType;
import dev.hundred.client.model.HmsPage;
import dev.hundred.client.model.RecordingConfig;
import dev.hundred.client.model.Role;
import dev.hundred.client.model.Template;
import dev.hundred.client.model.TemplateDestinations;
import dev.hundred.client.model.TemplateSettings;
import dev.hundred.client.net.Requester;
import dev.hundred.client.param.RoleParams;
import dev.hundred.client.param.TemplateCreateParams;
import dev.hundred.client.param.TemplateListParams;
import dev.hundred.client.param.TemplateUpdateParams;
import java.util.List;

/**
 * Templates, {@code /templates} (spec §5), with their roles, settings, destinations and recording
 * configurations. Bodies of settings and destinations are any object Jackson writes (a record from a
 * retrieve, a Map, a JsonNode): the API replaces the whole object.
 */
public final class TemplateService extends Service {
    public TemplateService(Requester requester) {
        super(requester);
    }

    /** Creates a template; an existing name is overwritten. */
    public Template create(TemplateCreateParams params) {
        return r.call("POST", "/templates", null, body(params), Template.class);
    }

    public Template retrieve(String templateId) {
        return r.call("GET", "/templates/" + seg(templateId), null, null, Template.class);
    }

    public HmsPage<Template> list(TemplateListParams params) {
        return Pages.byLast(r, "/templates", query(params), Template.class);
    }

    public HmsPage<Template> list() {
        return list(null);
    }

    /** Replaces the template: {@code roles} and {@code settings} are required. */
    public Template update(String templateId, TemplateUpdateParams params) {
        return r.call("POST", "/templates/" + seg(templateId), null, body(params), Template.class);
    }

    public Role retrieveRole(String templateId, String roleName) {
        return r.call("GET", rolePath(templateId, roleName), null, null, Role.class);
    }

    /** Creates or updates a role. */
    public Role updateRole(String templateId, String roleName, RoleParams params) {
        return r.call("POST", rolePath(templateId, roleName), null, body(params), Role.class);
    }

    /** Deletes a role (204). */
    public void deleteRole(String templateId, String roleName) {
        r.send("DELETE", rolePath(templateId, roleName), null, null);
    }

    public TemplateSettings retrieveSettings(String templateId) {
        return r.call("GET", "/templates/" + seg(templateId) + "/settings", null, null, TemplateSettings.class);
    }

    public TemplateSettings updateSettings(String templateId, Object settings) {
        return r.call("POST", "/templates/" + seg(templateId) + "/settings", null, settings, TemplateSettings.class);
    }

    public TemplateDestinations retrieveDestinations(String templateId) {
        return r.call("GET", "/templates/" + seg(templateId) + "/destinations", null, null, TemplateDestinations.class);
    }

    public TemplateDestinations updateDestinations(String templateId, Object destinations) {
        return r.call("POST", "/templates/" + seg(templateId) + "/destinations", null, destinations, TemplateDestinations.class);
    }

    public List<RecordingConfig> retrieveRecordings(String templateId) {
        return r.call("GET", "/templates/" + seg(templateId) + "/recordings", null, null, configs());
    }

    /** The body is an array (the API allows one element today). */
    public List<RecordingConfig> updateRecordings(String templateId, List<?> configs) {
        return r.call("POST", "/templates/" + seg(templateId) + "/recordings", null, configs, configs());
    }

    private JavaType configs() {
        return r.json().getTypeFactory().constructCollectionType(List.class, RecordingConfig.class);
    }

    private static String rolePath(String templateId, String roleName) {
        return "/templates/" + seg(templateId) + "/roles/" + seg(roleName);
    }
}
