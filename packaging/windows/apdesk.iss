; Inno Setup script for the Windows installer: wraps the PyInstaller one-folder bundle.
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\apdesk.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\apdesk.iss
;
; Output: dist\apdesk-<version>-setup.exe. Installs per user by default (no administrator
; rights needed, as school staff laptops often lack them); an administrator can choose
; "install for all users" in the installer.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The repository, from this folder (Inno Setup resolves paths from the script's folder).
#define Root "..\.."

[Setup]
AppId={{6F0C4E8B-5A57-4C31-9D0E-2B8F3A0C7D14}
AppName=apdesk
AppVersion={#AppVersion}
AppPublisher=apdesk
AppComments=The school's record of alternative provision
DefaultDirName={autopf}\apdesk
DefaultGroupName=apdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=apdesk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\apdesk.ico
UninstallDisplayIcon={app}\apdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\apdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\apdesk"; Filename: "{app}\apdesk.exe"
Name: "{autodesktop}\apdesk"; Filename: "{app}\apdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\apdesk.exe"; Description: "{cm:LaunchProgram,apdesk}"; Flags: nowait postinstall skipifsilent

; The school's encrypted store lives in the user's data folder, not in {app}: uninstalling
; never deletes pupils' records.
