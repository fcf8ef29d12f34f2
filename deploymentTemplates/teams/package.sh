#!/usr/bin/env bash
# Packages the Teams app: fills in the bot's app id and domain in manifest.json and zips it with the two icons.
#
#   bash deploymentTemplates/teams/package.sh MICROSOFT_APP_ID BOT_DOMAIN [OUTPUT.zip]
#
# BOT_DOMAIN is the web app's host, e.g. contoso-support.azurewebsites.net. Upload the zip in Teams
# (Apps > Manage your apps > Upload an app) or through the Teams admin center.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:-}"; domain="${2:-}"; out="${3:-supportbot-teams.zip}"
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
    echo "package.sh: the first argument must be the bot's Microsoft app id (a GUID)" >&2; exit 2
fi
if [[ -z "$domain" || "$domain" == *"/"* ]]; then
    echo "package.sh: the second argument must be the bot's domain, e.g. contoso-support.azurewebsites.net" >&2; exit 2
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed -e "s/{{MICROSOFT_APP_ID}}/$app_id/g" -e "s/{{BOT_DOMAIN}}/$domain/g" "$here/manifest.json" >"$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip >/dev/null; then
    (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
    (cd "$work" && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(f) for f in sys.argv[2:]]' "$out" manifest.json color.png outline.png)
fi
echo "$out"
