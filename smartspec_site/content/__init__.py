"""The content model: the words in content/ as pages, the site map and the statement.

``file`` reads one content file, ``markdown`` is its Markdown dialect, ``rendering`` turns a
body into HTML in a language, ``page`` is a page as templates print it, ``sitemap`` builds
the site from the folder, ``statement`` the accessibility statement's facts, ``readability``
`flask content readability`, and ``reloading`` shows an edited file in debug."""
