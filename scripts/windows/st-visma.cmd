@echo off
rem The st-visma command line of the installed app: the app executable runs the CLI when its first argument is a
rem command (sync, reconcile, review, ...), without a window. Same arguments, output and exit code as st-visma.
"%~dp0st-visma-connector.exe" %*
exit /b %ERRORLEVEL%
