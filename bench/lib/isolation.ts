/**
 * Isolation of the request thread on Node: the meeting read's p99 alone, and while searches for a frequent word run
 * alongside, with the slow reads in the pool of reader threads (the default) and on the request thread
 * (READ_THREADS=0), on the same dataset.
 */
import { MEETING_ENDPOINT } from "./endpoints";
import { load, type LoadResult, type LoadSettings } from "./load";
import { freePort, startGremium } from "./servers";

/** A search whose cost grows with the archive: a word in about half of the documents. */
export const ALONGSIDE_SEARCH = "/api/v1/search?q=Migrantenorganisationen&limit=20";

export interface IsolationFigures {
  alone: LoadResult;
  withSearch: LoadResult;
  search: LoadResult;
}

async function measure(file: string, readThreads: number, settings: LoadSettings): Promise<IsolationFigures> {
  const server = await startGremium(file, await freePort(), { READ_THREADS: String(readThreads) });
  try {
    const meetingUrl = server.url + MEETING_ENDPOINT.path;
    const meetingBody = await (await fetch(meetingUrl)).text();
    const searchBody = await (await fetch(server.url + ALONGSIDE_SEARCH)).text();
    const alone = await load(meetingUrl, meetingBody, settings);
    const [withSearch, search] = await Promise.all([
      load(meetingUrl, meetingBody, settings),
      load(server.url + ALONGSIDE_SEARCH, searchBody, settings),
    ]);
    return { alone, withSearch, search };
  } finally {
    await server.stop();
  }
}

/** Both settings, one after the other: 10 connections read the meeting, 10 more search alongside. */
export async function isolation(file: string, settings: LoadSettings) {
  const shape = { ...settings, connections: 10 };
  return { pooled: await measure(file, 2, shape), onThread: await measure(file, 0, shape) };
}
