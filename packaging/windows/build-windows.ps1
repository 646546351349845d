<#
.SYNOPSIS
  Builds RecruitDesk's Windows installer (.msi) with jpackage (JDK 17) and a trimmed jlink runtime.

.DESCRIPTION
  Same steps as packaging/build-linux.sh: mvn package, jlink with packaging/jlink-modules.txt, jpackage app image,
  then the .msi from that image with the options in packaging/windows/msi.jpackage.
  Output: target\installers\RecruitDesk\ (app image) and target\installers\RecruitDesk-<version>.msi.
  Needs: JDK 17 (JAVA_HOME or PATH), Maven, and the WiX Toolset 3.x (candle.exe, light.exe) on PATH:
  jpackage 17 supports WiX 3 only (choco install wixtoolset --version 3.14.1).
  The installed app keeps its data, settings and logs in %LOCALAPPDATA%\RecruitDesk; uninstalling leaves them.

.EXAMPLE
  pwsh packaging/windows/build-windows.ps1
  pwsh packaging/windows/build-windows.ps1 -SkipBuild
#>
param(
  [switch] $SkipBuild,
  [string] $Dest = ""
)
$ErrorActionPreference = "Stop"
$packaging = Split-Path -Parent $PSScriptRoot
$repo = Split-Path -Parent $packaging
Set-Location $repo
$started = Get-Date

function Fail($message) { Write-Error "build-windows: FAILED: $message"; exit 1 }
function JdkTool($name) {
  if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$name.exe")) { return "$env:JAVA_HOME\bin\$name.exe" }
  $cmd = Get-Command "$name.exe" -ErrorAction SilentlyContinue
  if (-not $cmd) { Fail "$name not found: install a JDK 17 or set JAVA_HOME" }
  return $cmd.Source
}

$props = @{}
foreach ($line in Get-Content "$packaging\app.properties") {
  if ($line -match '^\s*#' -or $line -notmatch '=') { continue }
  $key, $value = $line -split '=', 2
  $props[$key.Trim()] = $value.Trim()
}
$modules = (Get-Content "$packaging\jlink-modules.txt" | ForEach-Object { ($_ -replace '#.*', '').Trim() } |
  Where-Object { $_ }) -join ','
if (-not $Dest) { $Dest = "$repo\target\installers" }

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { Fail "WiX 3 (candle.exe) not on PATH" }
if (-not $SkipBuild) {
  & mvn -B -DskipTests package
  if ($LASTEXITCODE -ne 0) { Fail "mvn package failed" }
}
$mainJar = "$repo\target\$($props.MAIN_JAR)"
if (-not (Test-Path $mainJar)) { Fail "$mainJar not found" }

# Version for the MSI: the manifest's Implementation-Version cut to MAJOR.MINOR.PATCH digits ("1.2.0-SNAPSHOT" -> "1.2.0").
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($mainJar)
try {
  $reader = New-Object System.IO.StreamReader($zip.GetEntry("META-INF/MANIFEST.MF").Open())
  $manifest = $reader.ReadToEnd(); $reader.Close()
} finally { $zip.Dispose() }
if ($manifest -notmatch 'Implementation-Version:\s*(\d+(\.\d+){0,2})') { Fail "no Implementation-Version in the jar manifest" }
$version = $Matches[1]

$work = "$Dest\.work"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $work, "$Dest\$($props.NAME)"
New-Item -ItemType Directory -Force "$work\input" | Out-Null
Copy-Item $mainJar "$work\input\"
Copy-Item -Recurse "$repo\target\libs" "$work\input\libs"

& (JdkTool jlink) --add-modules $modules --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { Fail "jlink failed" }

# The app's JVM options, shared with scripts/run.sh and the bench: one a line, '#' comments.
$javaOptions = @(Get-Content "$repo\src\main\resources\dev\recruitdesk\app\jvm.options" |
  ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ } | ForEach-Object { "--java-options"; $_ })
$common = @("--name", $props.NAME, "--app-version", $version, "--vendor", $props.VENDOR,
            "--description", $props.DESCRIPTION, "--copyright", $props.COPYRIGHT, "--dest", $Dest)
& (JdkTool jpackage) --type app-image @common --input "$work\input" --main-jar $props.MAIN_JAR `
  --main-class $props.MAIN_CLASS --runtime-image "$work\runtime" --icon "$repo\icons\recruitdesk.ico" `
  @javaOptions
if ($LASTEXITCODE -ne 0) { Fail "jpackage app-image failed" }

Remove-Item -Force -ErrorAction SilentlyContinue "$Dest\*.msi"
& (JdkTool jpackage) --type msi @common --app-image "$Dest\$($props.NAME)" "@packaging/windows/msi.jpackage" `
  --win-upgrade-uuid $props.WIN_UPGRADE_UUID
if ($LASTEXITCODE -ne 0) { Fail "jpackage msi failed" }
Remove-Item -Recurse -Force $work

function SizeOf($path) {
  $bytes = (Get-ChildItem -Recurse -File $path | Measure-Object -Sum Length).Sum
  return "{0:N1} MB" -f ($bytes / 1MB)
}
Write-Output "== RecruitDesk $version packages in $Dest"
Write-Output ("app-image {0}" -f (SizeOf "$Dest\$($props.NAME)"))
Get-ChildItem "$Dest\*.msi" | ForEach-Object { Write-Output ("msi       {0}  {1}" -f (SizeOf $_.FullName), $_.Name) }
Write-Output ("total time {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
