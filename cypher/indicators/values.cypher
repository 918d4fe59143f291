// An indicator's values: the published figures that are observed values of it, each with
// its place and the source it cites, narrowed to a set of places (or all places) and to a
// span of data years (a figure whose publisher gives only a period counts where that
// period meets the span; one with neither year nor period, where no span is asked); by
// place, then data year.
// Parameters: $indicator, $places (list of place ids, or null), $fromYear, $toYear (or null)
// Returns: one row per value: id, props, place {id, props}, source {id, props} (or null)
MATCH (v:NeedEstimate)-[:OBSERVES]->(:Indicator {id: $indicator})
MATCH (v)-[:FOR_COUNTRY|FOR_REGION]->(p:MapNode)
WHERE ($places IS NULL OR p.id IN $places)
  AND ($fromYear IS NULL OR coalesce(v.data_year, v.data_year_to) >= $fromYear)
  AND ($toYear IS NULL OR coalesce(v.data_year, v.data_year_from) <= $toYear)
OPTIONAL MATCH (v)-[c:CITED_IN]->(s:Source)
WITH v, p, s ORDER BY s.id
WITH v, p, collect(s)[0] AS s
RETURN v.id AS id, properties(v) AS props,
       {id: p.id, props: properties(p)} AS place,
       CASE WHEN s IS NULL THEN null ELSE {id: s.id, props: properties(s)} END AS source
ORDER BY toLower(p.name), p.id, coalesce(v.data_year, v.data_year_to)
