import type { Principal } from "../auth/principal";
import type { Database } from "../db/database";

/** What every service function receives: the data access, who acts, and the time of the request. */
export interface ServiceContext {
  db: Database;
  actor: Principal;
  now: Date;
}
