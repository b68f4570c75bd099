using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace TipCases.Web.Tests.Security;

public enum FieldKind { Text, TextArea, Password, Date, Number, Hidden, Select, Checkbox, Radio }

/// <summary>A named field of a form: its kind, the value the page gave it and, for a select or a
/// radio group, the values it offers.</summary>
public sealed record FormField(string Name, FieldKind Kind, string Value, IReadOnlyList<string> Options, bool Checked, string Type = "")
{
    public bool IsToken => Name == "__RequestVerificationToken";

    /// <summary>A row version (Version, taskVersion, Form.Version): the optimistic concurrency check.</summary>
    public bool IsVersion => Name.EndsWith("Version", StringComparison.Ordinal);

    public bool HoldsId => Guid.TryParse(Value, out _) || Options.Any(o => Guid.TryParse(o, out _));

    public bool IsTyped => Kind is FieldKind.Text or FieldKind.TextArea or FieldKind.Password or FieldKind.Number or FieldKind.Date;
}

/// <summary>
/// A POST form as a page renders it, read the way a browser reads it, so the hostile-input sweep
/// can fill every field a user (or an attacker editing the page) can send.
/// </summary>
public sealed partial record DiscoveredForm(string Action, IReadOnlyList<FormField> Fields)
{
    /// <summary>The form's identity across records: its action with ids blanked, and its field names.</summary>
    public string Signature => GuidPattern().Replace(Action, "{id}") + " [" + string.Join(",", Fields.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal)) + "]";

    public static IReadOnlyList<DiscoveredForm> Read(IHtmlDocument page, string pageUrl) =>
        page.QuerySelectorAll<IHtmlFormElement>("main form")
            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => new DiscoveredForm(f.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl, FieldsOf(f)))
            .ToList();

    /// <summary>What a browser would send with the form's own values, each field as <paramref name="valueOf"/> says
    /// (null: leave the field out).</summary>
    public List<KeyValuePair<string, string>> Values(Func<FormField, string?> valueOf)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in Fields)
        {
            if (valueOf(field) is { } value)
            {
                values.Add(new(field.Name, value));
            }
        }
        return values;
    }

    private static List<FormField> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        var radios = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "reset" or "image" or "file" }:
                    break;
                case IHtmlInputElement { Type: "radio" } when radios.Add(name):
                    var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                    fields.Add(new FormField(name, FieldKind.Radio, group.FirstOrDefault(r => r.IsChecked)?.Value ?? "",
                        group.Select(r => r.Value).ToList(), group.Any(r => r.IsChecked)));
                    break;
                case IHtmlInputElement { Type: "radio" }:
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    fields.Add(new FormField(name, FieldKind.Checkbox, box.Value, [box.Value], box.IsChecked));
                    break;
                case IHtmlInputElement input:
                    fields.Add(new FormField(name, input.Type switch
                    {
                        "hidden" => FieldKind.Hidden,
                        "password" => FieldKind.Password,
                        "date" or "datetime-local" or "month" or "time" or "week" => FieldKind.Date,
                        "number" or "range" => FieldKind.Number,
                        _ => FieldKind.Text,
                    }, input.Value, [], false, input.Type));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new FormField(name, FieldKind.TextArea, area.Value, [], false));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new FormField(name, FieldKind.Select, select.Value ?? "",
                        select.Options.Select(o => o.Value).ToList(), false));
                    break;
            }
        }
        return fields;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
