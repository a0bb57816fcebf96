// The organisation's journeys and their touchpoints, for the filters and the import's mapping: the
// journey list, then each journey's map (journeys are few; touchpoints are named by their journey).
import { useEffect, useState } from "react";
import { journeysApi } from "../journeys/journeys-api.js";

export interface TouchpointChoice {
  id: string;
  name: string;
  journeyId: string;
  journeyName: string;
  stageName: string;
}

export interface JourneyChoice {
  id: string;
  name: string;
  touchpoints: TouchpointChoice[];
}

/** Null while loading; an empty list when there are none or they could not be read (filters then offer less). */
export function useJourneyChoices(orgId: string): JourneyChoice[] | null {
  const [journeys, setJourneys] = useState<JourneyChoice[] | null>(null);
  useEffect(() => {
    let current = true;
    setJourneys(null);
    (async () => {
      try {
        const { items } = await journeysApi.list(orgId);
        const maps = await Promise.all(items.slice(0, 50).map((journey) => journeysApi.get(orgId, journey.id).catch(() => null)));
        const choices = maps
          .filter((map) => map !== null)
          .map((map) => ({
            id: map.id,
            name: map.name,
            touchpoints: map.stages.flatMap((stage) =>
              stage.touchpoints.map((tp) => ({ id: tp.id, name: tp.name, journeyId: map.id, journeyName: map.name, stageName: stage.name })),
            ),
          }));
        if (current) setJourneys(choices);
      } catch {
        if (current) setJourneys([]);
      }
    })();
    return () => {
      current = false;
    };
  }, [orgId]);
  return journeys;
}
