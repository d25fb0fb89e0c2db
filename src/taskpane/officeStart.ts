/**
 * Starting the pane once office.js has answered. boot.js (ES5, loaded first) has already shown the IE11 page or is
 * watching office.js load; here: office.js missing means its request failed (not "opened outside Office"), and an
 * Office.onReady that never resolves — office.js loaded, its host files did not — is said within seconds too.
 */
export interface Boot {
  isIE: boolean;
  failed: boolean;
  officeReady(): void;
  officeFailed(why: 'error' | 'timeout' | 'onready'): void;
}

/** Office.onReady answers within a second or two inside Office; past this its host files did not load. */
export const ONREADY_TIMEOUT_MS = 10_000;

export interface Mounts {
  excel(): void;
  /** Opened in a plain browser (host null) or another Office app. */
  outside(host: string | null): void;
}

type OfficeLike = Pick<typeof Office, 'onReady'> & { HostType: { Excel: unknown } };

export function startPane(boot: Boot | undefined, office: OfficeLike | undefined, mounts: Mounts): void {
  if (boot?.isIE) return; // boot.js shows the page that says which Excel to use
  if (office === undefined) {
    if (boot) boot.officeFailed('error');
    else mounts.outside(null);
    return;
  }
  const timer = setTimeout(() => boot?.officeFailed('onready'), ONREADY_TIMEOUT_MS);
  void office.onReady((info) => {
    clearTimeout(timer);
    boot?.officeReady();
    if (info.host === office.HostType.Excel) mounts.excel();
    else mounts.outside(info.host ? String(info.host) : null);
  });
}
