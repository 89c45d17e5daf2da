import type { z } from "zod";
import type { Subscription, SubscriptionWrite } from "../../../../../src/workplace/contracts.ts";

type SubscriptionJson = z.infer<typeof Subscription>;
type SubscriptionBody = z.input<typeof SubscriptionWrite>;

/**
 * Units the form offers for storage quotas (the server accepts B, kB…TB and KiB…TiB:
 * src/workplace/domain/quota.ts, which the console may not import); binary units first.
 */
export const STORAGE_UNITS = ["GiB", "TiB", "MiB", "GB", "TB", "MB", "B"] as const;
const UNIT_BYTES: Readonly<Record<string, number>> = {
  TiB: 1024 ** 4,
  GiB: 1024 ** 3,
  MiB: 1024 ** 2,
  TB: 1000 ** 4,
  GB: 1000 ** 3,
  MB: 1000 ** 2,
  B: 1,
};

/** Units from the largest, binary before decimal: the first dividing a size exactly shows it. */
const LARGEST_FIRST = ["TiB", "GiB", "MiB", "TB", "GB", "MB"] as const;

/** What the form edits: every field as typed (text), checked by the server. */
export interface SubscriptionDraft {
  readonly memberId: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly roles: "" | "agent" | "elu";
  readonly groups: string;
  readonly seats: string;
  readonly storagePerAccount: string;
  readonly storagePerAccountUnit: string;
  readonly storagePerMember: string;
  readonly storagePerMemberUnit: string;
  readonly waveLabel: string;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly actualStart: string;
  readonly actualEnd: string;
  readonly accountsPlanned: string;
  readonly accountsMigrated: string;
  /** The subscription's version when it exists (null: a new one). */
  readonly rowVersion: number | null;
}

/** An empty draft for `memberId`. */
export function emptyDraft(memberId: string): SubscriptionDraft {
  return {
    memberId,
    startsOn: "",
    endsOn: "",
    roles: "",
    groups: "",
    seats: "",
    storagePerAccount: "",
    storagePerAccountUnit: "GiB",
    storagePerMember: "",
    storagePerMemberUnit: "TiB",
    waveLabel: "",
    plannedStart: "",
    plannedEnd: "",
    actualStart: "",
    actualEnd: "",
    accountsPlanned: "",
    accountsMigrated: "",
    rowVersion: null,
  };
}

/** Bytes as the largest unit that divides them exactly (10 GiB, not 10 737 418 240 B). */
export function bytesAsQuantity(bytes: number | null): [string, string] | null {
  if (bytes === null) return null;
  const unit = LARGEST_FIRST.find((u) => bytes > 0 && bytes % (UNIT_BYTES[u] ?? 1) === 0) ?? "B";
  return [String(bytes / (UNIT_BYTES[unit] ?? 1)), unit];
}

/** The draft of an existing subscription. */
export function draftOf(s: SubscriptionJson): SubscriptionDraft {
  const perAccount = bytesAsQuantity(s.storagePerAccountBytes);
  const perMember = bytesAsQuantity(s.storagePerMemberBytes);
  const role = s.roles?.length === 1 ? s.roles[0] : undefined;
  return {
    ...emptyDraft(s.memberId),
    startsOn: s.startsOn,
    endsOn: s.endsOn ?? "",
    roles: role === "agent" || role === "elu" ? role : "",
    groups: (s.groups ?? []).join(", "),
    seats: s.seats === null ? "" : String(s.seats),
    ...(perAccount === null
      ? {}
      : { storagePerAccount: perAccount[0], storagePerAccountUnit: perAccount[1] }),
    ...(perMember === null ? {} : { storagePerMember: perMember[0], storagePerMemberUnit: perMember[1] }),
    waveLabel: s.wave?.label ?? "",
    plannedStart: s.wave?.plannedStart ?? "",
    plannedEnd: s.wave?.plannedEnd ?? "",
    actualStart: s.wave?.actualStart ?? "",
    actualEnd: s.wave?.actualEnd ?? "",
    accountsPlanned: s.wave === null ? "" : String(s.wave.accountsPlanned),
    accountsMigrated: s.wave === null ? "" : String(s.wave.accountsMigrated),
    rowVersion: s.rowVersion,
  };
}

/** A typed number as the API takes it: `NaN` for what is not a number, so the server names the field. */
const numberOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));
const quantity = (text: string, unit: string) =>
  text.trim() === "" ? null : { value: numberOf(text), unit };
const day = (text: string) => (text === "" ? null : text);

/** The request body of a draft (empty fields: null, "not limited" or "everyone"). */
export function bodyOf(d: SubscriptionDraft): SubscriptionBody {
  const groups = d.groups
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g !== "");
  return {
    startsOn: d.startsOn,
    endsOn: day(d.endsOn),
    roles: d.roles === "" ? null : [d.roles],
    groups: groups.length === 0 ? null : groups,
    seats: quantity(d.seats, "accounts"),
    storagePerAccount: quantity(d.storagePerAccount, d.storagePerAccountUnit),
    storagePerMember: quantity(d.storagePerMember, d.storagePerMemberUnit),
    wave:
      d.waveLabel.trim() === ""
        ? null
        : {
            label: d.waveLabel,
            plannedStart: day(d.plannedStart),
            plannedEnd: day(d.plannedEnd),
            actualStart: day(d.actualStart),
            actualEnd: day(d.actualEnd),
            accountsPlanned: d.accountsPlanned.trim() === "" ? 0 : numberOf(d.accountsPlanned),
            accountsMigrated: d.accountsMigrated.trim() === "" ? 0 : numberOf(d.accountsMigrated),
          },
    rowVersion: d.rowVersion,
  };
}
