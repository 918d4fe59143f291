// One page of initiatives matching every given filter (a null filter matches all), ordered
// by name. Places follow the map's one place rule (service/domain/places.py): the country
// and region filters arrive as the sets of places each matches. For activeOn, known dates decide (a partial
// date covers its whole month or year): only active or completed work runs (planned,
// proposed and unknown work never does); a missing start counts as "since ever", and a
// missing end as "still running" only for active work. $activeFrom and $activeTo (both or
// neither) keep active or completed work whose known dates overlap that range. An organization
// type matches initiatives with at least one organization of that type in any role.
// With $includeRetired, retired initiatives are listed too. $updatedSince keeps those an
// audit event names (an edit or an import) or an import saw on or after that day;
// $lastVerifiedBefore those never verified or verified before that day (a partial date
// compares as its first day).
// Parameters: $includeRetired, $kind, $status, $theme, $sdgTarget, $countryPlaces, $regionPlaces,
//             $actionGroup, $organization, $organizationType, $text, $activeOn, $activeFrom, $activeTo,
//             $updatedSince, $lastVerifiedBefore, $skip, $limit
// Returns: one row: total (int), page (list of {id, props})
// With a place filter, the candidates are found from its places outwards (a country's
// work is hundreds of initiatives, the map's tens of thousands); the filters then apply.
INCLUDE initiatives/matching
WITH i ORDER BY toLower(i.name), i.id
WITH collect(i) AS matched
RETURN size(matched) AS total,
       [i IN matched[$skip..($skip + $limit)] | {id: i.id, props: properties(i)}] AS page
