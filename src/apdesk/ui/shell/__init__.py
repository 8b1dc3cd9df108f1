"""The application's shell: start-up, the main window, its pages list, menus and dialogs."""
