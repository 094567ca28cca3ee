// The templates one server knows: the shipped and JIXIAO_TEMPLATES_DIR files, plus every bureau's
// uploads from the database. Each server keeps its own registry (a cache of files and rows that never
// change once written), filled at start and, for an upload made through another server, on first use.
import type { Report } from '../core/model/report';
import type { Template } from '../core/model/template';
import { DEFAULT_FORM_REF, TemplateError, TemplateRegistry, templates } from '../core/templates/index';
import { installTemplates } from '../io/templates/load-dir';
import type { DB } from './db/schema';
import { findTemplate, listTemplates } from './repositories/templates';

export interface ServerTemplates {
  registry: TemplateRegistry;
  /** the template a report was made with, loading a bureau's upload from the database when not here yet */
  of(report: Pick<Report, 'templateId' | 'templateVersion'>): Promise<Template>;
  /** adds the stored uploads this server has not seen */
  sync(): Promise<void>;
}

function add(registry: TemplateRegistry, body: string, bureauId: string): void {
  try {
    registry.add(JSON.parse(body), { source: 'upload', ref: bureauId });
  } catch (e) {
    // a stored upload was valid when stored; a later change of the files it names must not stop the server
    if (!(e instanceof TemplateError)) throw e;
  }
}

export function serverTemplates(db: () => DB, env: NodeJS.ProcessEnv = process.env): ServerTemplates {
  // the files once per process (into core's registry, which the CLI and the exporters read too), then a
  // registry of this server's own that adds the database's uploads
  installTemplates(env);
  const registry = new TemplateRegistry();
  registry.adoptAll(templates);
  const fallback = () => registry.require(...(DEFAULT_FORM_REF.split('@').map((x, i) => (i ? Number(x) : x)) as [string, number]));
  return {
    registry,
    async sync() {
      const rows = await listTemplates(db());
      // uploads naming another upload's form come after it: ids and versions sort that way only by
      // chance, so add until nothing more can be added
      let pending = rows.filter((r) => !registry.get(r.id, r.version));
      for (let before = -1; pending.length && pending.length !== before; ) {
        before = pending.length;
        for (const r of pending) add(registry, r.body, r.bureau_id);
        pending = pending.filter((r) => !registry.get(r.id, r.version));
      }
    },
    async of(report) {
      const id = report.templateId;
      const version = report.templateVersion ?? 1;
      const here = registry.get(id, version);
      if (here) return here;
      const row = await findTemplate(db(), id, version);
      if (row) add(registry, row.body, row.bureau_id);
      if (registry.get(id, version)) return registry.get(id, version)!;
      // an id no one knows (an old import): the default form's template, as core does
      if (!registry.get(id)) return fallback();
      return registry.require(id, version);
    },
  };
}
