/** Who is logged in, from GET /bff/session: customers have a customerId, staff have roles (admin, teller, analyst, auditor). */

export interface SessionLike {
  customerId: string | null;
  roles: string[] | null | undefined;
}

export function isStaff(session: SessionLike): boolean {
  return !session.customerId && (session.roles ?? []).length > 0;
}

export interface StaffSections {
  /** GET /customers?… — teller, admin, analyst, auditor. */
  customers: boolean;
  /** GET /fraud/cases, approve/reject — analyst, admin. */
  fraud: boolean;
  /** GET /audit/events, /audit/verify — auditor, admin. */
  audit: boolean;
}

export function staffSections(roles: string[] | null | undefined): StaffSections {
  const held = new Set((roles ?? []).map((role) => role.toLowerCase().replace(/^role_/, '')));
  const any = (...names: string[]) => names.some((name) => held.has(name));
  return {
    customers: any('admin', 'teller', 'analyst', 'auditor'),
    fraud: any('admin', 'analyst'),
    audit: any('admin', 'auditor'),
  };
}
