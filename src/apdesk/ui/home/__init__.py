"""The Home page: today's work, the LA's success measures and their charts."""
