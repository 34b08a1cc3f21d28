// The npm mirror on our build machines has no packages for other platforms, so npm
// leaves their optional entries out of package-lock.json and `npm ci` then refuses the
// lock. This records them (os/cpu set, so npm skips them here). Run after `npm install`.
import fs from "node:fs";
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const pk = lock.packages;
let added = 0;
for (const [loc, meta] of Object.entries(pk)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pk[key] || pk[`${loc}/node_modules/${name}`]) continue;
    const m = name.match(/-(darwin|win32|freebsd|android|openharmony|linux|wasm32)-?([a-z0-9]*)/);
    if (!m) {
      console.log("skip", name);
      continue;
    }
    const os = m[1] === "wasm32" ? undefined : [m[1]];
    const cpuRaw = m[1] === "wasm32" ? "wasm32" : m[2];
    const cpu =
      cpuRaw === "arm" ? "arm" : cpuRaw === "arm64" ? "arm64" : cpuRaw === "x64" ? "x64" : cpuRaw === "ia32" ? "ia32" : cpuRaw === "wasm32" ? "wasm32" : cpuRaw;
    pk[key] = { version: spec.replace(/^[\^~]/, ""), optional: true, ...(os ? { os } : {}), cpu: [cpu] };
    added++;
    console.log("added", key, JSON.stringify(pk[key]));
  }
}
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(added);
