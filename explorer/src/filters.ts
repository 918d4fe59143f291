// The filter menus the views share. Their choices come from the API (themes, regions, SDG
// targets, countries, action groups, and the organization types the schema declares); the
// chosen values live in the query string.

import { ask } from "./api";
import { el, sentence } from "./dom";
import { param, setParams } from "./state";

export interface Choice {
  value: string;
  label: string;
  group?: string;
}

export interface FilterField {
  param: string;
  label: string;
  choices: () => Promise<Choice[]>;
}

const TYPE_LABELS: Record<string, string> = {
  UN_AGENCY: "UN agency",
  INTERGOVERNMENTAL: "Intergovernmental body",
  GOVERNMENT: "Government",
  WORKERS: "Workers' organization",
  EMPLOYERS: "Employers' organization",
  BUSINESS: "Business",
  NGO: "NGO or civil society",
  ACADEMIC: "Academic",
  NETWORK: "Network",
  FUNDER: "Funder",
  NATIONAL_COORDINATION: "National coordination body",
  UNKNOWN: "Type not recorded",
};

export function organizationTypeLabel(value: string): string {
  return TYPE_LABELS[value] ?? sentence(value);
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= load().catch((error: unknown) => {
    pending = null;
    throw error;
  }));
}

interface Named {
  id: string;
  name: string;
}

export const themes = once(async () =>
  (await ask<{ themes: Named[] }>("{ themes { id name } }")).themes.map(
    (t): Choice => ({ value: t.id, label: t.name }),
  ),
);

export const regions = once(async () => {
  const found = await ask<{ regions: (Named & { scheme: string })[] }>(
    "{ regions { id name scheme } }",
  );
  // A name two schemes share (UN M49's Africa and the ILO's) says whose it is.
  const seen = new Map<string, number>();
  for (const r of found.regions) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return found.regions.map((r): Choice => ({ value: r.id, label: (seen.get(r.name) ?? 0) > 1 ? `${r.name} (${r.scheme})` : r.name, group: r.scheme }));
});

// Only targets some initiative works towards: the other 160-odd would always come up empty.
export const sdgTargets = once(async () => {
  const found = await ask<{ sdgTargets: { id: string; code: string; name: string; initiatives: { id: string }[] }[] }>(
    "{ sdgTargets { id code name initiatives { id } } }",
  );
  return found.sdgTargets
    .filter((t) => t.initiatives.length > 0)
    .map((t): Choice => ({ value: t.id, label: `${t.code} ${t.name}` }));
});

export const organizationTypes = once(async () => {
  const found = await ask<{ __type: { enumValues: { name: string }[] } }>(
    '{ __type(name: "OrganizationType") { enumValues { name } } }',
  );
  return found.__type.enumValues.map((v): Choice => ({ value: v.name, label: organizationTypeLabel(v.name) }));
});

export const countries = once(async () =>
  (await ask<{ countries: (Named & { iso3: string })[] }>("{ countries { iso3 name } }")).countries.map(
    (c): Choice => ({ value: c.iso3, label: c.name }),
  ),
);

export const actionGroups = once(async () =>
  (await ask<{ actionGroups: Named[] }>("{ actionGroups { id name } }")).actionGroups.map(
    (g): Choice => ({ value: g.id, label: g.name }),
  ),
);

export const THEME: FilterField = { param: "theme", label: "Theme", choices: themes };
export const REGION: FilterField = { param: "region", label: "Region", choices: regions };
export const SDG_TARGET: FilterField = { param: "sdgTarget", label: "SDG target", choices: sdgTargets };
export const ORGANIZATION_TYPE: FilterField = {
  param: "organizationType",
  label: "Organization type",
  choices: organizationTypes,
};
export const COUNTRY: FilterField = { param: "country", label: "Country", choices: countries };
export const ACTION_GROUP: FilterField = { param: "actionGroup", label: "Action group", choices: actionGroups };

/** The fields given a value in the query string, with their values: a GraphQL filter. */
export function chosen(fields: FilterField[]): Record<string, string> {
  return Object.fromEntries(fields.flatMap((f) => {
    const value = param(f.param);
    return value === null ? [] : [[f.param, value]];
  }));
}

/** Labelled menus, one per field; a change updates the query string, then calls back. */
export async function filterBar(
  fields: FilterField[],
  onChange: () => void,
  anyLabel = "Any",
): Promise<HTMLFormElement> {
  const lists = await Promise.all(fields.map((f) => f.choices()));
  const form = el("form", { class: "filters", "aria-label": "Filters", onsubmit: (e) => e.preventDefault() });
  fields.forEach((field, index) => {
    const id = `filter-${field.param}`;
    const menu = el("select", { id, name: field.param });
    menu.append(el("option", { value: "" }, anyLabel));
    appendChoices(menu, lists[index] ?? [], param(field.param));
    menu.addEventListener("change", () => {
      setParams({ [field.param]: menu.value || null });
      onChange();
    });
    form.append(el("div", { class: "field" }, el("label", { for: id }, field.label), menu));
  });
  return form;
}

function appendChoices(menu: HTMLSelectElement, choices: Choice[], current: string | null): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const choice of choices) {
    const option = el("option", { value: choice.value }, choice.label);
    if (choice.group) {
      let group = groups.get(choice.group);
      if (!group) {
        group = el("optgroup", { label: choice.group });
        groups.set(choice.group, group);
        menu.append(group);
      }
      group.append(option);
    } else {
      menu.append(option);
    }
  }
  // A shared link may name something the menus do not offer; keep it, so the API can say why.
  if (current && !choices.some((c) => c.value === current)) {
    menu.append(el("option", { value: current }, current));
  }
  menu.value = current ?? "";
}
