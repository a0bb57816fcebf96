// Roles as people read a team: highest first.
import { roles, type Role } from "../../../core/roles.js";

export const rolesByRank: Role[] = [...roles].reverse();
