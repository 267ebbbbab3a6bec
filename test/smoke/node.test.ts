import { ADMIN_TOKEN, createTestApp } from "../helpers/test-app";
import { liveSmokeSuite, meetingsSmokeSuite, outcomesSmokeSuite, planSmokeSuite, smokeSuite } from "./smoke-suite";

const { request } = createTestApp();
const target = () => ({ request, adminToken: ADMIN_TOKEN });
smokeSuite("Node with better-sqlite3", target);
meetingsSmokeSuite("Node with better-sqlite3", target);
outcomesSmokeSuite("Node with better-sqlite3", target);
planSmokeSuite("Node with better-sqlite3", target);
liveSmokeSuite("Node with better-sqlite3", target);
