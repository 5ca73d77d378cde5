@echo off
rem The gateway command on Windows, as installed from the distribution zip (gateway-VERSION\bin\gateway.cmd).
rem The same JVM options as bin/gateway, as far as cmd can have them:
rem - ParallelGC, and the JIT stopped at its quick first tier (C1): a run of seconds finishes sooner.
rem - To assess, a young generation of 400 MB, the least bin/gateway gives. bin/gateway sizes it to the
rem   plan (about 24 bytes per byte) and the memory, which cmd cannot measure; for a plan over 16 MB set,
rem   for example, GATEWAY_JAVA_OPTIONS=-XX:NewSize=2g -XX:MaxNewSize=4g -Xms3g
rem   No large pages: Windows grants them only with the "Lock pages in memory" privilege.
rem - A class-data archive of the command's classes (lib\gateway.jsa). The JVM only uses one with the
rem   jar at the path, and with the modification time and size, it was made with; so, as bin/gateway
rem   does, this makes it where the jar is installed the first time it runs (a few seconds), and again
rem   when the jar or the Java installation changes, recording what it was made with in
rem   lib\gateway.jsa.id. Where lib cannot be written, or making one fails, it runs without one.
rem   GATEWAY_CLASS_DATA_ARCHIVE=off turns it off.
rem GATEWAY_JAVA_OPTIONS adds JVM options after these, so it can override them (for example -Xmx16g).
rem Java is %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, otherwise java on the PATH; 17 or later.
setlocal EnableExtensions DisableDelayedExpansion
set "STATE="

for %%I in ("%~dp0..") do set "GATEWAY_HOME=%%~fI"
set "JAR=%GATEWAY_HOME%\lib\gateway.jar"
set "ARCHIVE=%GATEWAY_HOME%\lib\gateway.jsa"
set "SAMPLE=%GATEWAY_HOME%\plans\sample-forward-plan.json"
rem (No parenthesised blocks around paths: a folder such as "Program Files (x86)" would end them.)
if not exist "%JAR%" goto nojar

set "JAVA="
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_HOME for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA goto nojava
if not exist "%JAVA%" goto nojava

set "OPTIONS=-XX:+UseParallelGC -XX:TieredStopAtLevel=1"
if /i "%~1"=="assess" set "OPTIONS=%OPTIONS% -XX:NewSize=400000000 -XX:MaxNewSize=800000000 -Xms600000000"

set "QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
if /i "%GATEWAY_CLASS_DATA_ARCHIVE%"=="off" goto run
rem What the archive depends on: the jar (path, time, size) and the Java installation (java, its modules' time).
for %%J in ("%JAR%") do set "WANTED=%%~fJ %%~tJ %%~zJ"
for %%J in ("%JAVA%") do set "WANTED=%WANTED% %%~fJ"
for %%J in ("%JAVA%") do for %%M in ("%%~dpJ..\lib\modules") do set "WANTED=%WANTED% %%~tM"
set "RECORDED="
if exist "%ARCHIVE%.id" set /p RECORDED=<"%ARCHIVE%.id"
setlocal EnableDelayedExpansion
set "STATE=stale"
if "!RECORDED!"=="!WANTED!" set "STATE=current"
if "!RECORDED!"=="none !WANTED!" set "STATE=failed"
endlocal & set "STATE=%STATE%"
if "%STATE%"=="current" if not exist "%ARCHIVE%" set "STATE=stale"
if not "%STATE%"=="stale" goto chosen
if not exist "%SAMPLE%" goto run
rem Only where lib can be written.
(type nul > "%ARCHIVE%.id.new") 2>nul || goto run
echo gateway: making a class-data archive for quicker starts (once, a few seconds) 1>&2
if exist "%ARCHIVE%.new" del /f /q "%ARCHIVE%.new"
rem The same run as the build's class-data-archive execution in examples/pom.xml.
"%JAVA%" "-XX:ArchiveClassesAtExit=%ARCHIVE%.new" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 %QUIET% -jar "%JAR%" assess "%SAMPLE%" --format json >nul 2>&1
if errorlevel 1 goto failed
if not exist "%ARCHIVE%.new" goto failed
move /y "%ARCHIVE%.new" "%ARCHIVE%" >nul 2>&1 || goto unmoved
setlocal EnableDelayedExpansion
> "!ARCHIVE!.id.new" echo(!WANTED!
endlocal
move /y "%ARCHIVE%.id.new" "%ARCHIVE%.id" >nul 2>&1
goto shared

:failed
setlocal EnableDelayedExpansion
> "!ARCHIVE!.id.new" echo(none !WANTED!
endlocal
move /y "%ARCHIVE%.id.new" "%ARCHIVE%.id" >nul 2>&1
echo gateway: could not make the class-data archive; going on without it 1>&2
:unmoved
if exist "%ARCHIVE%.new" del /f /q "%ARCHIVE%.new"
if exist "%ARCHIVE%.id.new" del /f /q "%ARCHIVE%.id.new"
goto run

:chosen
if "%STATE%"=="current" goto shared
:run
"%JAVA%" %OPTIONS% %GATEWAY_JAVA_OPTIONS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:shared
"%JAVA%" %OPTIONS% "-XX:SharedArchiveFile=%ARCHIVE%" %QUIET% %GATEWAY_JAVA_OPTIONS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:nojar
echo gateway: "%JAR%" is missing; unpack the distribution again 1>&2
exit /b 2

:nojava
echo gateway: no Java found; install Java 17 or later, and put it on the PATH or set JAVA_HOME 1>&2
exit /b 2
