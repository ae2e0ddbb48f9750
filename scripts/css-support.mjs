// Lists every CSS feature in the given stylesheets that a browser of the project's
// browserslist (package.json, "browserslist": IE 11 among them) lacks, as JSON on stdout:
// [{"file", "line", "feature", "title", "missing", "partial"}]. The test suite compares the
// feature ids with the fallbacks documented in README ("Browser support").
// Usage: node scripts/css-support.mjs static/css/site.css [more.css ...]
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import postcss from "postcss";
import doiuse from "doiuse";

const found = [];
for (const file of process.argv.slice(2)) {
  const from = resolve(file);
  const plugin = doiuse({
    onFeatureUsage({ feature, featureData, usage }) {
      found.push({
        file: relative(process.cwd(), from),
        line: usage.source.start.line,
        feature,
        title: featureData.title,
        missing: featureData.missing || "",
        partial: featureData.partial || "",
      });
    },
  });
  await postcss([plugin]).process(await readFile(from, "utf8"), { from });
}
process.stdout.write(JSON.stringify(found, null, 1) + "\n");
