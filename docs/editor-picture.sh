#!/bin/sh
# Redraws docs/editor.png: Neovim (0.7 or later) talking to `argmark lsp`
# about a part of maps/ai-diffusion.argmark with one id misspelt, with the
# hover window open. The screen is captured from tmux as it is drawn, turned
# into HTML by aha and photographed by headless Chromium; pngquant shrinks it.
#
# Usage, from the repository's root: docs/editor-picture.sh [ARGMARK] [OUTPUT]
#   ARGMARK  the argmark binary (default: target/release/argmark)
#   OUTPUT   the picture to write (default: docs/editor.png)
# Needs: nvim, tmux, aha, chromium, pngquant.
set -eu
argmark=$(realpath "$(command -v "${1:-target/release/argmark}")")
output=${2:-docs/editor.png}
work=$(mktemp -d)
trap 'tmux -L editor-picture kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/nvim" "$work/data" "$work/state" "$work/cache" "$work/map"
ln -s "$argmark" "$work/bin/argmark"

# The configuration docs/editors.md gives for Neovim 0.7, then a border for
# the hover window and quieter colours than 0.7's defaults.
awk '/^Neovim 0\.7 /{setup=1} setup && /^```lua/{code=1; next}
     code && /^```/{exit} code' docs/editors.md > "$work/nvim/init.lua"
grep -q buf_attach_client "$work/nvim/init.lua" || { echo "no Neovim 0.7 setup in docs/editors.md" >&2; exit 1; }
cat >> "$work/nvim/init.lua" <<'LUA'
vim.lsp.handlers["textDocument/hover"] =
  vim.lsp.with(vim.lsp.handlers.hover, { border = "rounded" })
vim.opt.background = "dark"
local function quiet_colours()
  vim.cmd([[
    highlight Normal ctermfg=252 ctermbg=NONE
    highlight SignColumn ctermbg=NONE
    highlight NormalFloat ctermfg=252 ctermbg=236
    highlight FloatBorder ctermfg=244 ctermbg=236
    highlight StatusLine cterm=NONE ctermfg=252 ctermbg=238
    highlight NonText ctermfg=240
    highlight markdownCode ctermfg=180 ctermbg=NONE
    highlight markdownCodeDelimiter ctermfg=240 ctermbg=NONE
  ]])
end
quiet_colours()
-- Neovim may load its default colours again once it has started.
vim.api.nvim_create_autocmd({ "ColorScheme", "OptionSet" }, { callback = quiet_colours })
LUA

cat > "$work/map/diffusion.argmark" <<'MAP'
// Part of maps/ai-diffusion.argmark, with one id misspelt.
title "Huang on the AI diffusion rule"
source interview "Jensen Huang, interview with Stratechery at Computex"
source article "Seed article on NVIDIA and the AI diffusion rule"

thesis T "The US AI diffusion rule is ineffective and counterproductive."
  cites article

claim hinders "Restricting AI technology hinders US competitiveness around the world."
  supports T
  cites interview

reason adoption-first "Leadership depends on adoption" supports hinders {
  premise adoption "For America to lead, American technology must be adopted quickly everywhere."
    cites interview
  evidence limits-access "The diffusion rule limits other countries' access to American technology."
    cites article
}

counterclaim containment "Limiting China's access to American AI technology preserves US leadership."
  attacks T
  contrary adoption

evidence history "The US has played a pivotal role in China's technological development."
  cites article
  supports adoptoin
MAP

pane() { tmux -L editor-picture capture-pane -t pic -p "$@"; }
wait_for() {
  tries=0
  until pane | grep -q "$1"; do
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || { echo "the editor never showed: $1" >&2; exit 1; }
    sleep 0.1
  done
}

tmux -L editor-picture -f /dev/null new-session -d -s pic -x 110 -y 30 -c "$work/map" \
  env TERM=xterm-256color PATH="$work/bin:$PATH" XDG_CONFIG_HOME="$work" \
  XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
  nvim -n diffusion.argmark
wait_for "unknown statement 'adoptoin'"
# The cursor on `adoption` in `contrary adoption`, then hover.
tmux -L editor-picture send-keys -t pic 22G '^' w K
wait_for "declared on line"
pane -e > "$work/screen.ans"

{
  cat <<'HTML'
<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #1c1c1c; }
pre { margin: 0; padding: 12px 14px; color: #d0d0d0; background: #1c1c1c;
      font: 13px/15px "DejaVu Sans Mono", monospace; }
</style><pre>
HTML
  aha --no-header < "$work/screen.ans"
  echo '</pre>'
} > "$work/screen.html"

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$work/chromium" --force-device-scale-factor=2 \
  --window-size=890,480 --screenshot="$work/screen.png" "file://$work/screen.html" 2>/dev/null
pngquant --force --output "$work/small.png" 64 "$work/screen.png"
mv "$work/small.png" "$output"
echo "wrote $output"
