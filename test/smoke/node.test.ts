import { ADMIN_TOKEN, createTestApp } from "../helpers/test-app";
import { smokeSuite } from "./smoke-suite";

const { request } = createTestApp();
smokeSuite("Node with better-sqlite3", () => ({ request, adminToken: ADMIN_TOKEN }));
