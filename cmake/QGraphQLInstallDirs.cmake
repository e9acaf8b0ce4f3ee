# Install layout of QGraphQL, after GNUInstallDirs and Qt's own layout on Linux:
#   bin/                          qgraphql, qgraphql-demo-server
#   <libdir>/                     libQGraphQL.so.*, libQGraphQLQml.so.* (QML backing library)
#   <libdir>/cmake/QGraphQL/      CMake package
#   <libdir>/pkgconfig/           qgraphql.pc
#   <libdir>/qt6/qml/QGraphQL/    QML module: qmldir, .qmltypes, plugin
#   include/QGraphQL/             public headers
include(GNUInstallDirs)

set(QGRAPHQL_INSTALL_QMLDIR "${CMAKE_INSTALL_LIBDIR}/qt6/qml" CACHE STRING
    "Where the QML module QGraphQL is installed (a QML import path), relative to the prefix")

# Gives an installed binary an RPATH ($ORIGIN-relative, so the tree can be moved) that finds
# the libraries in <libdir>. from_dir is the binary's install directory, relative to the prefix.
function(qgraphql_set_install_rpath target from_dir)
    if(APPLE OR WIN32 OR IS_ABSOLUTE "${from_dir}" OR IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
        return()
    endif()
    file(RELATIVE_PATH rel "/prefix/${from_dir}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
    string(REGEX REPLACE "/$" "" rel "${rel}")
    if(rel STREQUAL "")
        set(rpath "$ORIGIN")
    else()
        set(rpath "$ORIGIN/${rel}")
    endif()
    set_target_properties(${target} PROPERTIES INSTALL_RPATH "${rpath}")
endfunction()
